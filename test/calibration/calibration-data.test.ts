import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reapFunctionFacts } from '../../src/calibration/reap-functions.ts';
import { deviceFigures, hdd7200Figures } from '../../src/calibration/devices.ts';

const SHARED = '/work/shared/calibration';

describe('calibration data shipped with the project', () => {
  it('has the ten REAP functions with their measured page counts', () => {
    const fs = reapFunctionFacts();
    expect(fs.map((f) => f.name)).toEqual([
      'helloworld',
      'chameleon',
      'pyaes',
      'image_rotate',
      'json_serdes',
      'lr_serving',
      'cnn_serving',
      'rnn_serving',
      'lr_training',
      'video_processing',
    ]);
    const h = fs[0]!;
    expect(h.wsPagesSame + h.wsPagesUnique).toBe(1967);
    expect(h.vanillaMs).toBe(232);
    expect(h.reapMs).toBe(60);
    expect(fs.filter((f) => f.inputFromStorage).map((f) => f.name)).toEqual(['image_rotate', 'json_serdes', 'lr_training', 'video_processing']);
  });
  it('every device row names a source', () => {
    for (const d of deviceFigures()) expect(d.source.length).toBeGreaterThan(5);
    expect(hdd7200Figures().rpm).toBe(7200);
  });
  for (const f of ['reap-asplos21-functions.csv', 'reap-asplos21-global.csv', 'reap-asplos21-helloworld-phases.csv']) {
    it.skipIf(!existsSync(`${SHARED}/${f}`))(`${f} is an unchanged copy of the shared calibration file`, () => {
      const ours = readFileSync(new URL(`../../src/calibration/${f}`, import.meta.url), 'utf8');
      expect(ours).toBe(readFileSync(`${SHARED}/${f}`, 'utf8'));
    });
  }
});
