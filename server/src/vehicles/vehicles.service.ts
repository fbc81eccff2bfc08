import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type SearchTerm, type Vehicle, type VehicleView } from '@pass/shared';
import {
  DataSource,
  type EntityManager,
  type FindOptionsWhere,
  In,
  type ObjectLiteral,
  type Repository,
} from 'typeorm';
import { type RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { refusingDuplicates } from '../database/errors.js';
import { searchMatchLimit, whereStartsWith } from '../database/text-search.js';
import { VehicleEntity } from './vehicle.entity.js';

export function toVehicleView(v: VehicleEntity): VehicleView {
  return {
    id: v.id,
    plate: v.plate,
    plateColour: v.plateColour,
    vehicleType: v.vehicleType,
    transportLicenseNumber: v.transportLicenseNumber,
    vin: v.vin,
  };
}

/** An enterprise's vehicles, registered once and picked from then on; other enterprises' are invisible. */
@Injectable()
export class VehiclesService {
  /** Registered by the modules that refer to vehicles (applications): they sit above this one. */
  private readonly inUseChecks: ((vehicle: VehicleEntity) => Promise<boolean>)[] = [];

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A module that refers to vehicles says here what keeps one from being deleted. */
  refuseRemovalWhen(inUse: (vehicle: VehicleEntity) => Promise<boolean>): void {
    this.inUseChecks.push(inUse);
  }

  /** The enterprise's vehicles in the order registered; with a search, those whose plate begins with it. */
  async list(actor: RequestActor, search?: SearchTerm): Promise<VehicleView[]> {
    if (search && search.kind !== 'plate') return [];
    return (await listOwnRecords(this.repo, actor, 'plate', search?.text)).map(toVehicleView);
  }

  /**
   * The vehicles a plate search names (of one enterprise, or of all), for a list to narrow itself to: a
   * whole plate exactly, a plate's beginning as a range of `idx_vehicles_plate` (or the enterprise's
   * `uq_vehicles_enterprise_plate`), the first few by plate. None for another kind of search.
   */
  async matching(search: SearchTerm, enterpriseId?: string): Promise<{ id: string; plate: string }[]> {
    if (search.kind !== 'plate') return [];
    const query = this.repo.createQueryBuilder('v').select('v.id', 'id').addSelect('v.plate', 'plate');
    if (enterpriseId) query.where('v.enterprise_id = :enterpriseId', { enterpriseId });
    if (search.complete) query.andWhere('v.plate = :plate', { plate: search.text });
    else whereStartsWith(query, 'v.plate', search.text);
    return query.orderBy('v.plate', 'ASC').addOrderBy('v.id', 'ASC').limit(searchMatchLimit).getRawMany();
  }

  async get(actor: RequestActor, id: string): Promise<VehicleView> {
    return toVehicleView(await this.findOwn(actor, id));
  }

  async create(actor: RequestActor, vehicle: Vehicle): Promise<VehicleView> {
    return this.saveUnique(
      this.repo.create({ ...vehicle, vin: vehicle.vin ?? null, enterpriseId: enterpriseOf(actor) }),
    );
  }

  async update(actor: RequestActor, id: string, vehicle: Vehicle): Promise<VehicleView> {
    const existing = await this.findOwn(actor, id);
    return this.saveUnique(Object.assign(existing, { ...vehicle, vin: vehicle.vin ?? null }));
  }

  async remove(actor: RequestActor, id: string): Promise<void> {
    const vehicle = await this.findOwn(actor, id);
    for (const inUse of this.inUseChecks) {
      if (await inUse(vehicle)) throw new DomainException(ErrorCode.Conflict, '该车辆已用于通行证申请，不能删除');
    }
    await this.repo.delete({ id: vehicle.id });
  }

  /** A vehicle read in the caller's transaction; it must exist (an application's foreign key says so). */
  getById(manager: EntityManager, id: string): Promise<VehicleEntity> {
    return manager.findOneByOrFail(VehicleEntity, { id });
  }

  isOwnedBy(manager: EntityManager, enterpriseId: string, id: string): Promise<boolean> {
    return manager.existsBy(VehicleEntity, { id, enterpriseId });
  }

  async viewById(id: string): Promise<VehicleView | null> {
    const vehicle = await this.repo.findOneBy({ id });
    return vehicle ? toVehicleView(vehicle) : null;
  }

  async viewsById(ids: readonly string[]): Promise<VehicleView[]> {
    return ids.length ? (await this.repo.findBy({ id: In([...new Set(ids)]) })).map(toVehicleView) : [];
  }

  async findOwn(actor: RequestActor, id: string): Promise<VehicleEntity> {
    return findOwnRecord(this.repo, actor, id, '未找到该车辆');
  }

  private get repo() {
    return this.dataSource.getRepository(VehicleEntity);
  }

  private async saveUnique(vehicle: VehicleEntity): Promise<VehicleView> {
    return toVehicleView(await refusingDuplicates(() => this.repo.save(vehicle), ErrorCode.DuplicateVehicle));
  }
}

export function enterpriseOf(actor: RequestActor): string {
  if (!actor.enterpriseId) throw new DomainException(ErrorCode.Forbidden);
  return actor.enterpriseId;
}

/**
 * The fleet manager's own records of a registry (vehicles, drivers) in the order registered; with a text,
 * those whose `column` begins with it (read by the enterprise's rows, which are few).
 */
export function listOwnRecords<T extends ObjectLiteral>(
  repo: Repository<T>,
  actor: RequestActor,
  column: string,
  text?: string,
): Promise<T[]> {
  const query = repo
    .createQueryBuilder('r')
    .where('r.enterprise_id = :enterpriseId', { enterpriseId: enterpriseOf(actor) });
  if (text !== undefined) whereStartsWith(query, `r.${column}`, text);
  return query.orderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC').getMany();
}

/**
 * The fleet manager's own record of a registry (a vehicle, a driver), or 404: the same answer whether it
 * is another enterprise's or does not exist.
 */
export async function findOwnRecord<T extends { id: string; enterpriseId: string }>(
  repo: Repository<T>,
  actor: RequestActor,
  id: string,
  notFound: string,
): Promise<T> {
  const record = await repo.findOneBy({ id, enterpriseId: enterpriseOf(actor) } as FindOptionsWhere<T>);
  if (!record) throw new DomainException(ErrorCode.NotFound, notFound);
  return record;
}
