import { runProgram } from '../framework/program';
import { ddbProgram } from './program';

await runProgram(ddbProgram);
