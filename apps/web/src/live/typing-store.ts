/** How long "typing…" stays after the last typing event (the typist sends one a second at most). */
export const TYPING_SHOWN_MS = 5_000;

interface Typist {
  userUuid: string;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Who is typing in which conversation, as the live stream says. Ephemeral: each entry ends by
 * itself a few seconds after the last event, or at once when that person's message arrives.
 */
export class TypingStore {
  readonly #typists = new Map<string, Typist>();
  readonly #listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The uuid of whoever is typing in the conversation, or null. */
  typist = (messageGroupUuid: string): string | null =>
    this.#typists.get(messageGroupUuid)?.userUuid ?? null;

  typing(messageGroupUuid: string, userUuid: string): void {
    clearTimeout(this.#typists.get(messageGroupUuid)?.timer);
    const timer = setTimeout(() => this.#end(messageGroupUuid), TYPING_SHOWN_MS);
    this.#typists.set(messageGroupUuid, { userUuid, timer });
    this.#emit();
  }

  /** `userUuid` sent a message: they are not typing any more. */
  sent(messageGroupUuid: string, userUuid: string): void {
    if (this.#typists.get(messageGroupUuid)?.userUuid === userUuid) this.#end(messageGroupUuid);
  }

  dispose(): void {
    for (const { timer } of this.#typists.values()) clearTimeout(timer);
    this.#typists.clear();
    this.#listeners.clear();
  }

  #end(messageGroupUuid: string): void {
    clearTimeout(this.#typists.get(messageGroupUuid)?.timer);
    if (this.#typists.delete(messageGroupUuid)) this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
