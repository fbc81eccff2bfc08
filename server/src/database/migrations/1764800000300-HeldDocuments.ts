import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * Documents held once (issue 17): an attachment may belong to a vehicle (行驶证) or a crew member
 * (驾驶证, 押运员证) with its 有效期至, and an application records, on submission, which of them it was
 * submitted with. Additive: earlier uploads belong to no record and earlier applications name none.
 * The holder columns carry no foreign key: a vehicle or person may be deleted while applications
 * submitted with their documents still cite them.
 */
export class HeldDocuments1764800000300 implements MigrationInterface {
  name = 'HeldDocuments1764800000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('attachments', [
      new TableColumn({ name: 'vehicle_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'driver_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'expires_on', type: 'date', isNullable: true }),
    ]);
    await queryRunner.createIndices('attachments', [
      new TableIndex({ name: 'idx_attachments_vehicle', columnNames: ['vehicle_id', 'kind', 'created_at'] }),
      new TableIndex({ name: 'idx_attachments_driver', columnNames: ['driver_id', 'kind', 'created_at'] }),
    ]);
    await queryRunner.addColumn(
      'applications',
      new TableColumn({ name: 'held_document_ids', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('applications', 'held_document_ids');
    await queryRunner.dropIndex('attachments', 'idx_attachments_driver');
    await queryRunner.dropIndex('attachments', 'idx_attachments_vehicle');
    for (const column of ['expires_on', 'driver_id', 'vehicle_id']) await queryRunner.dropColumn('attachments', column);
  }
}
