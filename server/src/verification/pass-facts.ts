import { Injectable } from '@nestjs/common';
import type { OnlineFacts, PassStatus } from '@pass/shared';
import type { PassEntity } from '../passes/pass.entity.js';
import { PassesService } from '../passes/passes.service.js';

/** What is shown online of a pass, but the duty phone (the department's, which the admin may change). */
export type StoredFacts = Omit<OnlineFacts, 'issuingDepartmentPhone'>;

/**
 * About 1 KiB each (a pass's names, crew and material as V8 strings): 20,000 passes ≈ 20 MiB, within the
 * server's memory goal (issue 18: ≤ 250 MiB). A checkpoint network scans the same passes again and again
 * (a truck passes several checkpoints a day), so the hot set is far smaller than the passes issued.
 */
export const passFactsCapacity = 20_000;

/**
 * The facts online verification shows (enterprise, crew masked, material, issuing department, end
 * reason), kept per pass number: they never change after issuance, except the status and end reason,
 * so an entry read while the pass had another status than the status list now says is read again.
 * Asked only after the token's signature held, so a forged number costs no query.
 */
@Injectable()
export class PassFacts {
  /** Oldest first: a full cache drops its first entry (insertion order), cheaper than an LRU's reordering. */
  private readonly entries = new Map<string, { status: PassStatus; facts: StoredFacts }>();

  constructor(private readonly passes: PassesService) {}

  async of(passNumber: string, status: PassStatus): Promise<StoredFacts | null> {
    const entry = this.entries.get(passNumber);
    if (entry && entry.status === status) return entry.facts;
    const pass = await this.passes.findByNumber(passNumber);
    if (!pass) return null;
    this.entries.delete(passNumber);
    if (this.entries.size >= passFactsCapacity) this.entries.delete(this.entries.keys().next().value as string);
    const facts = factsOf(pass);
    this.entries.set(passNumber, { status: pass.status, facts });
    return facts;
  }
}

/** 王建国 → 王*国, 李四 → 李*: enough to compare with a card, not enough to list people. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

function factsOf(pass: PassEntity): StoredFacts {
  return {
    passId: pass.id,
    enterpriseName: pass.enterpriseName,
    issuingDepartment: pass.issuingDepartment,
    crew: pass.crew.map((c) => ({ name: maskName(c.name), idNumber: c.idNumberMasked, role: c.role })),
    materialDescription: pass.materialDescription,
    endReason: pass.endReason,
  };
}
