/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time by function and
 * by package, so a per-page cost shows up as a package or function whose share grows with the pages.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface CostLine {
  /** Function (`name file:line`) or package name. */
  name: string;
  selfMs: number;
  /** Share of the whole profile. */
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: CostLine[];
  byPackage: CostLine[];
}

/** `astro`, `@astrojs/mdx`, `node:internal`, `(program)`, or `site` for the project's own code. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1]!;
  return url.includes('/.prerender/') || url.includes('/chunks/') ? 'site (bundled pages)' : 'site';
}

const shortUrl = (url: string) => url.replace(/^file:\/\/.*node_modules\//, '').replace(/^file:\/\/.*\//, '');

export function summariseCpuProfile(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });

  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, ms] of selfByNode) {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    const owner = packageOf(url, functionName);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + ms);
  }

  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const ranked = (costs: Map<string, number>) =>
    [...costs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, selfMs]) => ({ name, selfMs, percent: (100 * selfMs) / totalMs }));
  return { totalMs, byFunction: ranked(byFunction), byPackage: ranked(byPackage) };
}
