// Where a node's snapshot bytes come from: its local disk or the remote store behind its NIC, and its
// host page cache. One shared-device instance per node and source, created on first use.
import { PageCache } from '../storage/page-cache.ts';
import { getDeviceSpec, remoteStoreSpec, type RemoteStoreOptions } from '../storage/presets.ts';
import type { SharedDevice, StorageBank } from '../storage/shared-device.ts';
import { PAGE_BYTES } from '../../calibration/mechanism.ts';

export interface NodeStorageConfig {
  /** Disk preset name (`ssd-sata-2020`, `hdd-7200`, `nvme-2020`, `ramdisk`). */
  readonly disk: string;
  /** Host page cache size (MiB) available for snapshot files. */
  readonly pageCacheMiB: number;
}

export interface NodeStorage {
  readonly disk: SharedDevice;
  /** The node's path to the remote store (its NIC), if snapshots are remote. */
  readonly remote: SharedDevice | null;
  readonly cache: PageCache;
  /** Snapshot extents being read into the cache now (by key), with the starts (runner slots)
   * waiting for those reads to end. */
  readonly reading: Map<number, number[]>;
}

export class FleetStorage {
  private readonly nodes: (NodeStorage | undefined)[] = [];

  constructor(
    readonly bank: StorageBank,
    private readonly configs: readonly NodeStorageConfig[],
    private readonly remote: RemoteStoreOptions | null,
  ) {}

  node(i: number): NodeStorage {
    let n = this.nodes[i];
    if (n) return n;
    const c = this.configs[i];
    if (!c) throw new RangeError(`node ${i} has no storage configuration (${this.configs.length} configured)`);
    n = {
      disk: this.bank.add(getDeviceSpec(c.disk)),
      remote: this.remote ? this.bank.add(remoteStoreSpec(this.remote)) : null,
      cache: new PageCache(Math.floor((c.pageCacheMiB * 1024 * 1024) / PAGE_BYTES)),
      reading: new Map(),
    };
    this.nodes[i] = n;
    return n;
  }

  /** Nodes created so far (for reports). */
  get created(): readonly (NodeStorage | undefined)[] {
    return this.nodes;
  }
}
