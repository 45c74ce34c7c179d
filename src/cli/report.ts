import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArchiveCounts, PreparedBuild } from '../archive/load-archive.ts';
import type { RejectedArticle } from '../ingest/parse-articles.ts';
import type { Diagnostic, NameKind, TopicScore } from '../model.ts';

export interface ReportArticle {
  id: string;
  file: string;
  line: number;
  date: string;
  ordinal: number;
  title: string;
  url: string;
  topics: TopicScore[];
  names: { name: string; kind: NameKind; count: number }[];
}

export interface BuildReport {
  articles: ReportArticle[];
  /** Every article read but not published, with the errors that left it out. */
  rejected: RejectedArticle[];
  diagnostics: Diagnostic[];
  counts: ArchiveCounts;
}

/** The machine-readable account of a build: every article read is published or reported. */
export function buildReport({
  archive,
  diagnostics,
  rejected,
  counts,
}: PreparedBuild): BuildReport {
  return {
    articles: archive.articles.map(({ article: a }) => ({
      id: a.id,
      file: a.source.file,
      line: a.source.line,
      date: a.date,
      ordinal: a.ordinal,
      title: a.title,
      url: a.url,
      topics: a.topics.map(({ slug, name, score }) => ({ slug, name, score })),
      names: a.names.map(({ name, kind, count }) => ({ name, kind, count })),
    })),
    rejected,
    diagnostics,
    counts,
  };
}

export function writeReport(file: string, report: BuildReport): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
