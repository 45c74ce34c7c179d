import type { NameMention } from '../model.ts';

/**
 * One object per distinct name mention (name, spelling, kind, slug and count). Reading threads
 * hand over a copy of every mention, 2 million at 100,000 articles, of some 60,000 distinct
 * ones: shared, they take a fraction of the memory, and grouping names resolves each object
 * once (`groupNames`). The state file's mentions come shared already (state-codec.ts).
 */
export class MentionInterner {
  readonly #byKey = new Map<string, NameMention[]>();

  intern(mention: NameMention): NameMention {
    const same = this.#byKey.get(mention.key);
    if (!same) {
      this.#byKey.set(mention.key, [mention]);
      return mention;
    }
    for (const known of same) {
      if (
        known.count === mention.count &&
        known.name === mention.name &&
        known.kind === mention.kind &&
        known.slug === mention.slug
      )
        return known;
    }
    same.push(mention);
    return mention;
  }

  /** Replaces each mention in `names` by its shared object. */
  internAll(names: NameMention[]): void {
    for (let i = 0; i < names.length; i++) names[i] = this.intern(names[i]!);
  }
}
