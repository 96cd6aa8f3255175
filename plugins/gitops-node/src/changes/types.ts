import type { Document } from 'yaml';

/**
 * A structured edit of one YAML file; it mutates the parsed document in place.
 *
 * @public
 */
export interface YamlEdit {
  path: string;
  /** Other files the edit needs, read from the base branch (or this change) and passed in parsed. */
  reads?: string[];
  edit: (doc: Document, context: YamlEditContext) => void;
}

/** What an edit can see besides its own document. */
export interface YamlEditContext {
  /** The parsed documents of the edit's `reads`, by path. */
  documents: Record<string, Document>;
}

/**
 * One change to the config repo, applied on top of the base branch.
 * `files` replaces whole files (`null` deletes); `yamlEdits` edit the base
 * branch's version of a file, keeping comments and formatting of the rest.
 *
 * @public
 */
export interface ConfigRepoChange {
  files?: Record<string, string | null>;
  yamlEdits?: YamlEdit[];
}

/** The resolved change: every touched path with its new content (`null` = delete). */
export type ResolvedChange = Record<string, string | null>;
