import type { MethodInput } from '../../../../../shared/contract/index';
import type { NetworkInterface } from '../../../../../shared/contract/station';

/** The value of the explicit last choice: listen on every network connection (0.0.0.0). */
export const ALL_INTERFACES = 'all';

/** One radio button of "Which network will the phones use?". */
export interface NetworkChoice {
  /** The radio's value: unique even where two interfaces share an address. */
  value: string;
  label: string;
  hint: string;
  address: string;
  internal: boolean;
  allInterfaces: boolean;
}

type Kind = 'wifi' | 'wired' | 'virtual' | 'other';

// Names as Linux, macOS and Windows give them. macOS's en0 may be Wi-Fi or a cable, so it is left
// unguessed; a virtual adapter (a VPN, a container bridge, a virtual machine's) is named because
// phones in the room can almost never reach it, and a secretary has no way to tell from "docker0".
const VIRTUAL = /^(docker|br-|virbr|veth|vmnet|vboxnet|utun|tun|tap|tailscale|zt|wg|lxc|lxd|podman|cni|flannel|awdl|llw|anpi)|vethernet|virtualbox|vmware|hyper-v|vpn|loopback pseudo/i;
const WIFI = /^wl|wi-?fi|wireless|wlan|airport/i;
const WIRED = /^(eth|enp|eno|ens|enx|em\d)|^ethernet/i;

export function interfaceKind(name: string): Kind {
  if (VIRTUAL.test(name)) return 'virtual';
  if (WIFI.test(name)) return 'wifi';
  if (WIRED.test(name)) return 'wired';
  return 'other';
}

/** IPv6 link-local addresses (fe80::/10) need a zone that no phone's address bar takes. */
export function isLinkLocalV6(address: string): boolean {
  return /^fe[89ab][0-9a-f]:/i.test(address);
}

const KIND_HINT: Record<Kind, string> = {
  wifi: 'Wi-Fi. Choose this if the phones join the same Wi-Fi network as this laptop.',
  wired: 'A network cable. Choose this if the laptop is plugged into the travel router or the venue’s network that the phones use.',
  virtual: 'A virtual connection (a VPN, a virtual machine or a container). Phones in the room are unlikely to reach it.',
  other: 'Choose this if it is the network the phones will join.',
};

function order(i: NetworkInterface): number {
  if (i.internal) return 4;
  const kind = interfaceKind(i.name);
  const base = kind === 'virtual' ? 2 : 0;
  return base + (i.family === 'IPv6' ? 1 : 0);
}

/**
 * The laptop's addresses as choices, in the order a secretary should consider them: real networks
 * (IPv4 before IPv6), then virtual ones, then this laptop only; and last, explicitly, every
 * network connection. Nothing is chosen by default: the caller starts with no value.
 */
export function networkChoices(interfaces: readonly NetworkInterface[]): NetworkChoice[] {
  const usable = interfaces.filter((i) => !(i.family === 'IPv6' && isLinkLocalV6(i.address)));
  const sorted = [...usable].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'en-GB') || a.address.localeCompare(b.address));
  const seen = new Set<string>();
  const choices: NetworkChoice[] = [];
  // One "only this laptop" choice, its IPv4 address if it has one (127.0.0.1 and ::1 are the same
  // laptop, and two radios with one label would be told apart only by their hints).
  const loopback = sorted.filter((i) => i.internal).sort((a, b) => (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1))[0];
  for (const i of sorted) {
    const value = `${i.name}|${i.address}`;
    if (seen.has(value) || (i.internal && i !== loopback)) continue;
    seen.add(value);
    if (i.internal) {
      choices.push({
        value,
        label: 'Only this laptop (for trying it out)',
        hint: `${i.address} on ${i.name}. Phones cannot reach it: use it to try the voting page in this laptop’s own browser.`,
        address: i.address,
        internal: true,
        allInterfaces: false,
      });
      continue;
    }
    const v6 = i.family === 'IPv6' ? ' An IPv6 address: longer to type, and some phones and routers do not use it; prefer an address of four numbers if there is one.' : '';
    choices.push({ value, label: `${i.name}: ${i.address}`, hint: `${KIND_HINT[interfaceKind(i.name)]}${v6}`, address: i.address, internal: false, allInterfaces: false });
  }
  choices.push({
    value: ALL_INTERFACES,
    label: 'All network connections',
    hint: 'Listens on every network this laptop is connected to, including any other Wi-Fi, cable or VPN: anyone on any of them could reach the voting page. Choose one network above unless the phones cannot reach it.',
    address: '0.0.0.0',
    internal: false,
    allInterfaces: true,
  });
  return choices;
}

/** What `station.start` is sent for a choice, for a ballot or a written resolution (or both). */
export function startInput(choice: NetworkChoice, target: { ballotId?: string | undefined; writtenResolutionId?: string | undefined }): MethodInput<'station.start'> {
  return {
    ...(target.ballotId ? { ballotId: target.ballotId } : {}),
    ...(target.writtenResolutionId ? { writtenResolutionId: target.writtenResolutionId } : {}),
    address: choice.address,
    allInterfaces: choice.allInterfaces,
  };
}

/**
 * Listening on every connection, the station's address is the laptop's first network address;
 * phones on its other networks use the address it has there (as URLs, for the secretary to read).
 */
export function otherAddresses(interfaces: readonly NetworkInterface[], port: number, url: string | null): string[] {
  const urls = interfaces
    .filter((i) => !i.internal && !(i.family === 'IPv6' && isLinkLocalV6(i.address)))
    .map((i) => `http://${i.address.includes(':') ? `[${i.address}]` : i.address}:${port}/`);
  return [...new Set(urls)].filter((u) => u !== url);
}

/** Whether the station listens on every connection (0.0.0.0 or ::), as chosen explicitly. */
export function listensEverywhere(address: string | null): boolean {
  return address === '0.0.0.0' || address === '::';
}
