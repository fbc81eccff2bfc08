import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsController } from './departments.controller.js';
import { DepartmentsService } from './departments.service.js';
import { IssuingDepartmentEntity } from './issuing-department.entity.js';

/** Issuing departments per jurisdiction with their duty phones (admin-kept); read by signing, passes, verification. */
@Module({
  imports: [TypeOrmModule.forFeature([IssuingDepartmentEntity])],
  controllers: [DepartmentsController],
  providers: [DepartmentsService],
  exports: [DepartmentsService],
})
export class DepartmentsModule {}
