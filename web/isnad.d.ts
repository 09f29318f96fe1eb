// Types for isnad.js. Offsets are UTF-16 code units: text.slice(start, end).

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type ClaimType = 'direct' | 'indirect' | 'mixed';
export type SpeakerKind = 'person' | 'organization' | 'media' | 'group' | 'document';

export interface Claim {
  /** "c1", "c2", … in text order of their content. */
  id: string;
  type: ClaimType;
  /** The reporting verb or phrase; null for the headline "X: …" form. */
  cue: Span | null;
  content: Span;
  /** Id of the speaker the claim is attributed to, or null if unknown. */
  speaker: string | null;
  /** The mention naming the speaker at this claim; null for pro-drop and participle cues. */
  speaker_mention: Span | null;
  /** Id of the speaker that relayed the claim (a chain such as "according to X, Y said"). */
  reported_by: string | null;
  /** 0..1 */
  confidence: number;
}

export interface Speaker {
  /** "s1", "s2", … in order of first mention. */
  id: string;
  /** Canonical name: the fullest proper name in the text. */
  name: string;
  kind: SpeakerKind;
  title: string | null;
  mentions: Span[];
}

export interface IsnadResult {
  version: string;
  lang: 'ar' | 'en' | 'und';
  /** Offset unit; the browser build always gives UTF-16 code units. */
  offsets?: 'utf16';
  /** Things the core wants the reader to know about this text. */
  warnings?: string[];
  claims: Claim[];
  speakers: Speaker[];
}

export interface IsnadLoadOptions {
  /**
   * true: run in a module Web Worker (fail if it cannot start); false: run in
   * this thread; 'auto' (default): a worker where possible, else this thread.
   */
  worker?: boolean | 'auto';
  /** Longest accepted text in UTF-16 code units (default DEFAULT_MAX_LENGTH). */
  maxLength?: number;
  /**
   * With worker 'auto': until the worker is ready, texts of up to this many
   * UTF-16 code units are extracted in this thread, so the first results do
   * not wait for the worker's start; longer ones wait for the worker. 0: every
   * text waits for the worker. Default DEFAULT_MAIN_THREAD_START_LENGTH.
   */
  mainThreadStartLength?: number;
  /** URL of isnad_core.mjs (default: next to isnad.js). */
  coreUrl?: string | URL;
  /** URL of isnad-worker.js (default: next to isnad.js). */
  workerUrl?: string | URL;
}

export declare const DEFAULT_MAX_LENGTH: number;
/** 20,000 UTF-16 code units, about 3,000 Arabic words. */
export declare const DEFAULT_MAIN_THREAD_START_LENGTH: number;

export declare class IsnadError extends Error {
  name: 'IsnadError';
  /** INPUT_TOO_LONG, LOAD_FAILED, WORKER_FAILED, CORE_FAILED or CLOSED. */
  code: string;
}

export declare class Isnad {
  private constructor();
  static load(options?: IsnadLoadOptions): Promise<Isnad>;
  /** Version string of the wasm core. */
  readonly version: string;
  /**
   * 'main-thread' where extraction runs only in this thread (worker false, or
   * no worker could start). With worker 'auto' it reads 'worker' while the
   * worker is starting, and turns to 'main-thread' if it fails to.
   */
  readonly mode: 'worker' | 'main-thread';
  readonly maxLength: number;
  /** Rejects with IsnadError code INPUT_TOO_LONG above maxLength. */
  extract(text: string): Promise<IsnadResult>;
  /** Stops the worker; later extract() calls reject with code CLOSED. */
  close(): void;
}
