/** IPv4 helpers and the allocators kube-sim's "API server" uses. */
export const ipToInt = (ip: string) => ip.split('.').reduce((a, p) => (a << 8) + Number(p), 0) >>> 0;
export const intToIp = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

export function parseCidr(cidr: string): { base: number; size: number } {
  const [ip, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return { base: ipToInt(ip!) & ~(size - 1) >>> 0, size };
}

/** Cluster IPs from the service CIDR; the first usable address is the kubernetes service's. */
export class ServiceIpAllocator {
  private readonly used = new Set<number>();
  private next: number;
  private readonly base: number;
  private readonly size: number;

  constructor(cidr: string) {
    const { base, size } = parseCidr(cidr);
    this.base = base;
    this.size = size;
    this.next = base + 10;
  }

  /** The first usable address (the kubernetes service claims it like any requested IP). */
  first(): string {
    return intToIp(this.base + 1);
  }

  allocate(): string {
    for (let i = 0; i < this.size; i++) {
      const candidate = this.base + 2 + ((this.next - this.base - 2 + i) % (this.size - 3));
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        this.next = candidate + 1;
        return intToIp(candidate);
      }
    }
    throw new Error('service IP range exhausted');
  }

  /** Reserve a requested address; false when taken or outside the range. */
  claim(ip: string): boolean {
    const n = ipToInt(ip);
    if (n <= this.base || n >= this.base + this.size - 1 || this.used.has(n)) return false;
    this.used.add(n);
    return true;
  }

  release(ip: string | undefined): void {
    if (ip && ip !== 'None') this.used.delete(ipToInt(ip));
  }
}

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
/** The lower band is kept for explicit requests, as the real allocator does (30000–30085). */
const DYNAMIC_MIN = 30086;

export class NodePortAllocator {
  private readonly used = new Set<number>();
  private seed = 7;

  isUsed(port: number): boolean {
    return this.used.has(port);
  }

  claim(port: number): void {
    this.used.add(port);
  }

  allocate(): number {
    const span = NODE_PORT_MAX - DYNAMIC_MIN + 1;
    for (let i = 0; i < span; i++) {
      this.seed = (this.seed * 1103515245 + 12345) % 2 ** 31;
      const p = DYNAMIC_MIN + (this.seed % span);
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
    throw new Error('node port range exhausted');
  }

  release(port: number | undefined): void {
    if (port) this.used.delete(port);
  }
}
