// A typed client for a blog's JSON feed, with a small in-memory cache.
import { readFile } from "fs/promises";
import type { IncomingMessage } from "http";

export type Status = "draft" | "published" | "archived";

export interface Post {
  id: number;
  title: string;
  tags: string[];
  status: Status;
  publishedAt?: Date;
  readonly slug: string;
}

interface FeedOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetcher?: (url: string) => Promise<unknown>;
}

enum CacheMode {
  None,
  Memory = "memory",
}

const DEFAULT_TIMEOUT = 5_000;

function isPost(value: any): value is Post {
  return typeof value === "object" && value !== null && typeof value.id === "number";
}

export abstract class Repository<T extends { id: number }> {
  protected items = new Map<number, T>();

  abstract load(): Promise<T[]>;

  get count(): number {
    return this.items.size;
  }

  find(id: number): T | undefined {
    return this.items.get(id);
  }
}

export class FeedClient extends Repository<Post> {
  private readonly timeout: number;
  static instances = 0;

  constructor(private options: FeedOptions, public mode: CacheMode = CacheMode.Memory) {
    super();
    this.timeout = options.timeoutMs ?? DEFAULT_TIMEOUT;
    FeedClient.instances++;
  }

  async load(): Promise<Post[]> {
    const url = `${this.options.baseUrl.replace(/\/+$/, "")}/feed.json`;
    const fetcher = this.options.fetcher ?? defaultFetcher;
    const data = (await fetcher(url)) as { items?: unknown[] };
    const posts = (data.items ?? []).filter(isPost);
    for (const post of posts) {
      this.items.set(post.id, post);
    }
    return posts;
  }

  byTag(tag: string): Partial<Post>[] {
    return [...this.items.values()]
      .filter((p) => p.tags.includes(tag) && p.status !== "draft")
      .map(({ id, title }) => ({ id, title }));
  }
}

async function defaultFetcher(url: string): Promise<unknown> {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    throw new Error(`GET ${url} failed: ${res.status}`);
  }
  return res.json();
}

export async function loadLocal(path: string): Promise<Record<string, Post>> {
  const text = await readFile(path, "utf8");
  const byId: Record<string, Post> = {};
  for (const post of JSON.parse(text) as Post[]) byId[String(post.id)] = post;
  return byId;
}

declare module "feed-config" {
  export const baseUrl: string;
}
