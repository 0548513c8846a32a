import { runProgram } from '../framework/program';
import { dbProgram } from './program';

await runProgram(dbProgram);
