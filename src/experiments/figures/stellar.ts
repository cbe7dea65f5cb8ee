// Figures `stellar-warm`, `stellar-cold`, `stellar-image-size`, `stellar-transfers`: latency CDFs
// per provider preset of STeLLAR's single-request and transfer experiments (Ustiugov et al.,
// IISWC'21 Figs. 3, 4, 6, 7), run as `sim stellar` runs them, with the paper's medians and p99s.
import { stellarTransfers, type Figure as PaperFigure } from '../../calibration/stellar.ts';
import { simulateChain } from '../../model/transfer/chains.ts';
import { presetSettings } from '../../scenario/providers.ts';
import { CSV_NAME, LONG_IAT, paperRow, propagationMs, SHORT_IAT, STELLAR_PROVIDERS, stellarLatencies, TRANSFER_CHAINS } from '../stellar.ts';
import { cdfFigure, type CdfSeries, type PaperMark } from './stellar-cdf.ts';
import type { Figure, FigureData, FigureOptions } from './types.ts';

const requestsOf = (o: FigureOptions): number => (o.quick ? 100 : 1000);

function marksOf(color: string, variant: string, p50: PaperFigure | null | undefined, p99: PaperFigure | null | undefined): PaperMark[] {
  const out: PaperMark[] = [];
  if (p50) out.push({ color, variant, stat: 'median', value: p50 });
  if (p99) out.push({ color, variant, stat: 'p99', value: p99 });
  return out;
}

async function warm(o: FigureOptions): Promise<FigureData> {
  const n = requestsOf(o);
  const series: CdfSeries[] = [];
  const marks: PaperMark[] = [];
  for (const provider of STELLAR_PROVIDERS) {
    const prop = propagationMs(provider);
    const lat = stellarLatencies({ provider, name: 'warm', iat: SHORT_IAT, count: n + 1, skipFirst: true }).map((x) => x - prop);
    series.push({ color: provider, variant: 'warm, IAT 3 s', samplesMs: lat });
    const exact = paperRow(provider, 'warm_single', (p) => p.includes('ZIP'));
    marks.push(...marksOf(provider, 'warm, IAT 3 s', exact?.medianMs, exact?.p99Ms));
    o.log?.(`stellar-warm: ${provider} ${lat.length} requests`);
  }
  return cdfFigure({
    title: 'Warm single requests per provider preset (in-datacenter)',
    subtitle: `${n} requests 3 s apart after a warm-up, seed 42; client-observed minus the ping RTT, as STeLLAR §VI-A reports them`,
    xTitle: 'latency (ms, log scale)',
    colorTitle: 'provider',
    variantTitle: 'experiment',
    series,
    marks,
    notes: [
      `simulated: sim stellar warm (src/experiments/stellar.ts), ${n} requests per provider, propagation subtracted`,
      "paper: STeLLAR §VI-A in-datacenter medians and p99s (exact), src/calibration/stellar-latency.csv; vhive-knative has none",
    ],
  });
}

async function cold(o: FigureOptions): Promise<FigureData> {
  const n = requestsOf(o);
  const series: CdfSeries[] = [];
  const marks: PaperMark[] = [];
  for (const provider of STELLAR_PROVIDERS) {
    const lat = stellarLatencies({ provider, name: 'cold', iat: LONG_IAT, count: n });
    series.push({ color: provider, variant: 'cold, IAT 21 min', samplesMs: lat });
    const row = paperRow(provider, 'cold_single');
    marks.push(...marksOf(provider, 'cold, IAT 21 min', row?.medianMs, row?.p99Ms));
    o.log?.(`stellar-cold: ${provider} ${lat.length} requests`);
  }
  return cdfFigure({
    title: 'Cold single requests per provider preset (client-observed)',
    subtitle: `${n} requests 21 min apart (every one cold), seed 42; propagation included, as STeLLAR §VI-B1 measured`,
    xTitle: 'latency (ms, log scale)',
    colorTitle: 'provider',
    variantTitle: 'experiment',
    series,
    marks,
    notes: [
      `simulated: sim stellar cold, ${n} requests per provider`,
      'paper: STeLLAR §VI-B1 cold medians (exact); p99 Google exact (§VI-D2), AWS and Azure median x TMR',
    ],
  });
}

async function imageSize(o: FigureOptions): Promise<FigureData> {
  const n = requestsOf(o);
  const series: CdfSeries[] = [];
  const marks: PaperMark[] = [];
  for (const provider of STELLAR_PROVIDERS) {
    if (!presetSettings(provider).has('deployment.storeBandwidth')) continue;
    for (const mb of [10, 60, 100]) {
      const variant = `+${mb} MB`;
      const lat = stellarLatencies({ provider, name: `image-${mb}`, iat: LONG_IAT, count: n, deployment: { size: `${mb}MB` } });
      series.push({ color: provider, variant, samplesMs: lat });
      const row = paperRow(provider, 'cold_image_size', (p) => p === `extra file ${mb}MB` || p === 'extra file 10/60/100MB');
      marks.push(...marksOf(provider, variant, row?.medianMs, row?.p99Ms));
      o.log?.(`stellar-image-size: ${provider} +${mb} MB`);
    }
  }
  return cdfFigure({
    title: 'Cold starts vs image size per provider preset (client-observed)',
    subtitle: `${n} cold requests per size, seed 42; the function's package grows by 10 / 60 / 100 MB (STeLLAR §VI-B2, Fig. 4)`,
    xTitle: 'latency (ms, log scale)',
    colorTitle: 'provider',
    variantTitle: 'extra package size',
    series,
    marks,
    notes: [
      `simulated: sim stellar image-size, ${n} requests per point (presets with a fetch model: AWS, Google, Azure)`,
      'paper: STeLLAR Fig. 4 medians (read off the figure) and the exact +100 MB p99s of AWS and Azure; Google one median for all sizes',
    ],
  });
}

async function transfers(o: FigureOptions): Promise<FigureData> {
  const n = o.quick ? 200 : 1000;
  const series: CdfSeries[] = [];
  const marks: PaperMark[] = [];
  for (const provider of ['aws-lambda', 'google-cloud-functions']) {
    for (const c of TRANSFER_CHAINS[provider]!) {
      const color = `${provider} ${c.method}`;
      for (const bytes of [1024, 1048576]) {
        const variant = bytes === 1024 ? '1 KB' : '1 MB';
        const lat = simulateChain(c.kind, c.preset, bytes, n, 42).map((x) => x / 1000).sort((a, b) => a - b);
        series.push({ color, variant, samplesMs: lat });
        const row = stellarTransfers(c.csvMethod, CSV_NAME[provider]!).find((r) => r.payloadBytes === bytes);
        marks.push(...marksOf(color, variant, row?.medianMs, row?.p99Ms));
        o.log?.(`stellar-transfers: ${color} ${variant}`);
      }
    }
  }
  return cdfFigure({
    title: 'Producer -> consumer transfers per provider: inline and object store',
    subtitle: `${n} warm chains per point, seed 42 (STeLLAR §VI-C, Figs. 6-7): inline = payload + invoke; S3 / GCS = PUT + invoke + GET`,
    xTitle: 'producer -> consumer latency (ms, log scale)',
    colorTitle: 'provider and method',
    variantTitle: 'payload',
    series,
    marks,
    notes: [
      `simulated: src/model/transfer/chains.ts, ${n} sequential chains per point (the chains of sim stellar transfer)`,
      'paper: STeLLAR Fig. 6a / 7a medians and p99s (exact where the text gives them, else read off the figure; the CSV says which)',
    ],
  });
}

export const stellarWarm: Figure = { name: 'stellar-warm', title: 'STeLLAR warm single-request latency CDF per provider', build: warm };
export const stellarCold: Figure = { name: 'stellar-cold', title: 'STeLLAR cold single-request latency CDF per provider', build: cold };
export const stellarImageSize: Figure = { name: 'stellar-image-size', title: 'STeLLAR cold start vs image size, CDF per provider', build: imageSize };
export const stellarTransfersFigure: Figure = { name: 'stellar-transfers', title: 'STeLLAR inline and storage transfer CDFs per provider', build: transfers };
