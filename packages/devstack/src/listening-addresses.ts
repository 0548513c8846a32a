import { readFileSync } from 'node:fs';

const LISTEN = '0A';

/** `0100007F` → 127.0.0.1; IPv6 in /proc is four little-endian 32-bit words. */
function decode(hex: string): string {
  if (hex.length === 8)
    return hex
      .match(/../g)!
      .reverse()
      .map((byte) => parseInt(byte, 16))
      .join('.');
  const words = hex.match(/.{8}/g)!.map((word) => word.match(/../g)!.reverse().join(''));
  const groups = words
    .join('')
    .match(/.{4}/g)!
    .map((group) => group.replace(/^0+(?=.)/, ''));
  const mapped = groups.slice(0, 6).join(':').toLowerCase() === '0:0:0:0:0:ffff';
  if (mapped) return decode(words[3]!.match(/../g)!.reverse().join(''));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/**
 * The local addresses something listens on at `port`, read from /proc/net/tcp{,6} (Linux): what
 * `ss -ltn` shows. `0.0.0.0` or `::` means every interface. Empty where /proc is missing.
 */
export function listeningAddresses(port: number): string[] {
  const found = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(file, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== LISTEN) continue;
      const [address, portHex] = local.split(':');
      if (parseInt(portHex!, 16) === port) found.add(decode(address!));
    }
  }
  return [...found];
}

/** Whether every listener on `port` is on a loopback address (and there is one). */
export function listensOnLoopbackOnly(port: number): boolean {
  const addresses = listeningAddresses(port);
  return addresses.length > 0 && addresses.every((a) => a.startsWith('127.') || a === '::1');
}
