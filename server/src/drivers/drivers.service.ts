import { Inject, Injectable } from '@nestjs/common';
import {
  type CrewRole,
  crewClaimsOf,
  type Driver,
  type DriverIdNumber,
  type DriverView,
  ErrorCode,
  type PassCrewClaim,
  type SearchTerm,
} from '@pass/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { refusingDuplicates } from '../database/errors.js';
import type { Statement } from '../database/plain-rows.js';
import { placeholders, type ReadingStatement } from '../database/statements.js';
import { enterpriseOf, findOwnRecord, listOwnRecords } from '../vehicles/vehicles.service.js';
import { DriverEntity } from './driver.entity.js';
import { IdNumberProtector } from './id-number-protector.js';

/** A pass's crew as issuance reads it (DriversService.crewForPassStatement). */
export interface PassCrew {
  crew: { name: string; idNumberMasked: string; role: CrewRole }[];
  claims: (passNumber: string) => PassCrewClaim[];
}

export function toDriverView(d: DriverEntity): DriverView {
  return { id: d.id, name: d.name, idNumber: d.idNumberMasked, phone: d.phone, role: d.role };
}

/** An enterprise's drivers and crew; ID numbers are stored encrypted and listed masked. */
@Injectable()
export class DriversService {
  /** Registered by the modules that refer to crew (applications): they sit above this one. */
  private readonly inUseChecks: ((driver: DriverEntity) => Promise<boolean>)[] = [];

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly idNumbers: IdNumberProtector,
  ) {}

  /** A module that refers to drivers says here what keeps one from being deleted. */
  refuseRemovalWhen(inUse: (driver: DriverEntity) => Promise<boolean>): void {
    this.inUseChecks.push(inUse);
  }

  /** The enterprise's crew in the order registered; with a name searched, those whose name begins with it. */
  async list(actor: RequestActor, search?: SearchTerm): Promise<DriverView[]> {
    if (search && search.kind !== 'name') return [];
    return (await listOwnRecords(this.repo, actor, 'name', search?.text)).map(toDriverView);
  }

  async get(actor: RequestActor, id: string): Promise<DriverView> {
    return toDriverView(await this.findOwn(actor, id));
  }

  /** The full ID number, for the fleet manager to compare with the card; lists only ever show it masked. */
  async revealIdNumber(actor: RequestActor, id: string): Promise<DriverIdNumber> {
    return { idNumber: this.idNumbers.reveal((await this.findOwn(actor, id)).idNumberEncrypted) };
  }

  async create(actor: RequestActor, driver: Driver): Promise<DriverView> {
    return this.saveUnique(this.repo.create({ ...this.columns(driver), enterpriseId: enterpriseOf(actor) }));
  }

  async update(actor: RequestActor, id: string, driver: Driver): Promise<DriverView> {
    return this.saveUnique(Object.assign(await this.findOwn(actor, id), this.columns(driver)));
  }

  /** The keyed hash blacklist entries are keyed by: an ID number is never stored or compared in clear. */
  idNumberLookupHash(idNumber: string): string {
    return this.idNumbers.hash(idNumber);
  }

  /**
   * The query of the lookup hashes of these drivers' ID numbers, for another module to put in its own
   * statement as a subquery (`… IN (query)`): that statement then needs no answer of this one first.
   */
  idNumberHashesQuery(ids: readonly string[]): Statement {
    return { sql: `SELECT id_number_hash FROM drivers WHERE id IN (${placeholders(ids)})`, params: [...ids] };
  }

  /**
   * The crew of a pass being issued, in the application's order, read in the caller's transaction: as
   * the pass record keeps them (ID numbers masked) and as its token carries them (ID numbers only as
   * digests salted with the pass number). The clear numbers never leave this module. The claims are a
   * function of the pass number: issuance reads the crew before it locks the issuer's serial and makes
   * the claims once the number is known, without another query. A statement, for issuance to send with
   * its other reads in one round trip (readStatements).
   */
  crewForPassStatement(ids: readonly string[]): ReadingStatement<PassCrew> {
    // A plain statement, not find(): issuance is the hot path, and building and hydrating the query
    // cost more CPU than running it (docs/scaling.md §4.3). Only the columns the pass needs.
    return {
      sql: `SELECT id, role, name, id_number_encrypted, id_number_masked FROM drivers WHERE id IN (${placeholders(ids)})`,
      params: [...ids],
      read: (rows) => {
        const found = rows as {
          id: string;
          role: CrewRole;
          name: string;
          id_number_encrypted: string;
          id_number_masked: string;
        }[];
        const drivers = ids.map((id) => {
          const driver = found.find((d) => d.id === id);
          // A fault, not a refusal: a driver named by an application cannot be removed (refuseRemovalWhen).
          if (!driver) throw new Error(`crew member ${id} of the pass not found`);
          return driver;
        });
        const people = drivers.map((d) => ({
          role: d.role,
          name: d.name,
          idNumber: this.idNumbers.reveal(d.id_number_encrypted),
        }));
        return {
          crew: drivers.map((d) => ({ name: d.name, idNumberMasked: d.id_number_masked, role: d.role })),
          claims: (passNumber) => crewClaimsOf(passNumber, people),
        };
      },
    };
  }

  /**
   * The name a crew member signs in under: of the newest driver record with this phone (one person may
   * drive for several enterprises); null when no record has it.
   */
  async crewNameFor(phone: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const newest = await manager.findOne(DriverEntity, { where: { phone }, order: { createdAt: 'DESC' } });
    return newest?.name ?? null;
  }

  /** The driver records (in any enterprise) that have this phone: a crew session's whole scope. */
  async idsWithPhone(phone: string): Promise<string[]> {
    return (await this.repo.find({ select: { id: true }, where: { phone } })).map((d) => d.id);
  }

  /** The distinct phone numbers of these drivers. */
  async phonesOf(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return [...new Set((await this.repo.findBy({ id: In([...ids]) })).map((d) => d.phone))];
  }

  countOwnedBy(manager: EntityManager, enterpriseId: string, ids: readonly string[]): Promise<number> {
    return manager.countBy(DriverEntity, { id: In([...ids]), enterpriseId });
  }

  /** Who the crew are (name and role), in the order given, read in the caller's transaction. */
  async crewOf(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<{ id: string; name: string; role: CrewRole }[]> {
    const found = await manager.findBy(DriverEntity, { id: In([...ids]) });
    return ids.flatMap((id) => found.filter((d) => d.id === id).map(({ name, role }) => ({ id, name, role })));
  }

  async viewsById(ids: readonly string[]): Promise<DriverView[]> {
    return ids.length ? (await this.repo.findBy({ id: In([...ids]) })).map(toDriverView) : [];
  }

  async remove(actor: RequestActor, id: string): Promise<void> {
    const driver = await this.findOwn(actor, id);
    for (const inUse of this.inUseChecks) {
      if (await inUse(driver)) throw new DomainException(ErrorCode.Conflict, '该人员已用于通行证申请，不能删除');
    }
    await this.repo.delete({ id: driver.id });
  }

  async findOwn(actor: RequestActor, id: string): Promise<DriverEntity> {
    return findOwnRecord(this.repo, actor, id, '未找到该人员');
  }

  private get repo() {
    return this.dataSource.getRepository(DriverEntity);
  }

  private columns(driver: Driver) {
    const id = this.idNumbers.protect(driver.idNumber);
    return {
      name: driver.name,
      phone: driver.phone,
      role: driver.role,
      idNumberEncrypted: id.encrypted,
      idNumberHash: id.hash,
      idNumberMasked: id.masked,
    };
  }

  private async saveUnique(driver: DriverEntity): Promise<DriverView> {
    return toDriverView(await refusingDuplicates(() => this.repo.save(driver), ErrorCode.DuplicateDriver));
  }
}
