import { describe, expect, it } from 'vitest';
import { codeDeliveryReader, type CodeDelivery } from './cognito-codes';

// Two deliveries as cognito-local 5.3.0 logs them (colours included), with an unrelated line between.
const LOG = `\u001b[32mINFO\u001b[39m: \u001b[36mNONE NONE Cognito Local running on http://127.0.0.1:9229\u001b[39m
[1796124742302] \u001b[32mINFO\u001b[39m: \u001b[36mdc549701 SignUp ╭───────────────────────────────────────────────────────╮
│                                                       │
│   Confirmation Code Delivery                          │
│                                                       │
│   Username:    aa8d63ce-915f-4576-ae1a-28aa407bc8d5   │
│   Destination: ana@example.com                        │
│   Code:        718219                                 │
│                                                       │
╰───────────────────────────────────────────────────────╯\u001b[39m \u001b[90m{"reqId":"dc549701","target":"SignUp"}\u001b[39m
[1796124742309] \u001b[31mERROR\u001b[39m: \u001b[36mce82c7a3 NONE Cognito Local unsupported feature\u001b[39m
[1796124742447] \u001b[32mINFO\u001b[39m: \u001b[36m3548d255 ForgotPassword ╭──────────╮
│   Confirmation Code Delivery                          │
│   Username:    aa8d63ce-915f-4576-ae1a-28aa407bc8d5   │
│   Destination: ana@example.com                        │
│   Code:        427566                                 │
╰──────────╯\u001b[39m`;

describe('codeDeliveryReader', () => {
  it('reports each code with what it is for and where it went', () => {
    const codes: CodeDelivery[] = [];
    const read = codeDeliveryReader((delivery) => codes.push(delivery));
    for (const line of LOG.split('\n')) read(line);
    expect(codes).toEqual([
      { purpose: 'SignUp', destination: 'ana@example.com', code: '718219' },
      { purpose: 'ForgotPassword', destination: 'ana@example.com', code: '427566' },
    ]);
  });

  it('ignores boxes that are not code deliveries', () => {
    const codes: CodeDelivery[] = [];
    const read = codeDeliveryReader((delivery) => codes.push(delivery));
    for (const line of ['x INFO: 1 Other ╭─╮', '│ Code: 1 │', '╰─╯']) read(line);
    expect(codes).toEqual([]);
  });
});
