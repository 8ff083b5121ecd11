/**
 * The W3C Nu HTML Checker (`vnu-jar`, which runs on Java) over built sites: one JVM start for many
 * files, since starting it takes seconds. It parses pages as browsers do and so catches what
 * html-validate does not, such as a `<script>` written after `</html>`.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** One message of `vnu --format json`. */
export interface NuMessage {
  /** "error", "info" (with `subType: "warning"` for warnings) or "non-document-error" (a file it could not read). */
  type: string;
  subType?: string;
  /** The checked file, as a `file:` URL. */
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

export const NO_JAVA =
  'The Nu HTML Checker needs a Java runtime: install one with `sudo apt-get install -y default-jre-headless` (.ci/run does this).';

/**
 * The errors worth failing a build for, one line each: "file:line:column message". CSS messages are
 * left out: the checker's CSS parser predates what Tailwind 4 writes (`@property`, `margin-trim`),
 * and the stylesheets are Tailwind's output, not ours. Every HTML error is kept, and so is any file
 * the checker could not read.
 * @param root folder the file names are given relative to
 */
export function nuHtmlErrors(messages: readonly NuMessage[], root: string): string[] {
  return messages
    .filter((message) => message.type === 'non-document-error' || message.type === 'error')
    .filter((message) => !message.message.startsWith('CSS: '))
    .map((message) => {
      const file = message.url?.startsWith('file:') ? relative(root, fileURLToPath(message.url)) : message.url;
      const where = message.lastLine === undefined ? '' : `:${message.lastLine}:${message.firstColumn ?? 0}`;
      return `${file ?? '(no file)'}${where} ${message.message}`;
    });
}

const vnuJar = () => createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** Whether `java` runs on this machine. */
export async function hasJava(): Promise<boolean> {
  try {
    await promisify(execFile)('java', ['-version']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Java settings for a run of half a minute: only the quick compiler (the optimising one spends more time
 * compiling than this run saves) and a single-threaded garbage collector. The same report with half the
 * processor time (about 38 s to 20 s over the four test sites). The quick compiler's code uses more stack
 * than the checker's schema needs by default, hence a larger stack (it asks for at least 512 KB).
 */
const JVM_OPTIONS = ['-Xss4m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];

/**
 * Checks every HTML file under the given folders in one run of the checker and returns all its
 * messages. The checker exits with 1 when it finds errors; only output that is not its JSON report
 * is a failure to run.
 */
export async function runNuHtmlChecker(folders: readonly string[]): Promise<NuMessage[]> {
  const args = [...JVM_OPTIONS, '-jar', vnuJar(), '--format', 'json', '--stdout', '--skip-non-html', ...folders];
  const output = await new Promise<string>((resolve, reject) => {
    execFile('java', args, { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (stdout.trimStart().startsWith('{')) resolve(stdout);
      else reject(new Error(`The Nu HTML Checker did not run: ${error?.message ?? ''}\n${stderr}`));
    });
  });
  return (JSON.parse(output) as { messages: NuMessage[] }).messages;
}
