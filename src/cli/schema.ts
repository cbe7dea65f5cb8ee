// `sim schema`: prints the scenario JSON Schema, for editor autocompletion and validation.
import type { CommandModule } from 'yargs';
import * as z from 'zod'; // a namespace import lets the bundle leave out what is not used (zod's ~40 locales: 370 kB)
import { Scenario } from '../scenario/schema.ts';

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' });
}

export const schemaCommand: CommandModule = {
  command: 'schema',
  describe: 'print the JSON Schema of scenario files',
  handler: () => {
    process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  },
};
