/** A code cognito-local "sent": it delivers nothing, it prints a box to its log instead. */
export interface CodeDelivery {
  /** What the code is for: `SignUp` (confirm an account), `ForgotPassword` (reset a password)… */
  purpose: string;
  /** The address the code was for. */
  destination: string;
  code: string;
}

// Colours and other terminal escapes: cognito-local's pretty logger colours even into a pipe.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-9;]*m/g;

/**
 * Reads cognito-local's log line by line and reports each confirmation-code delivery. Its
 * console "message sender" logs one box across several lines:
 *
 *   [time] INFO: <request id> SignUp ╭──────────╮
 *   │   Confirmation Code Delivery   │
 *   │   Destination: ana@example.com │
 *   │   Code:        123456          │
 *   ╰──────────╯ {"reqId":"…","target":"SignUp"}
 */
export function codeDeliveryReader(onCode: (delivery: CodeDelivery) => void) {
  let box: { purpose: string; destination?: string; code?: string; delivery: boolean } | null =
    null;
  return (rawLine: string) => {
    const line = rawLine.replace(ESCAPES, '');
    const opened = /INFO: \S+ (\w+) ╭/.exec(line);
    if (opened) {
      box = { purpose: opened[1]!, delivery: false };
      return;
    }
    if (!box) return;
    if (line.includes('Confirmation Code Delivery')) box.delivery = true;
    box.destination ??= /Destination:\s+(\S+)/.exec(line)?.[1];
    box.code ??= /Code:\s+(\S+)/.exec(line)?.[1];
    if (line.includes('╰')) {
      const { purpose, destination, code, delivery } = box;
      box = null;
      if (delivery && destination && code) onCode({ purpose, destination, code });
    }
  };
}
