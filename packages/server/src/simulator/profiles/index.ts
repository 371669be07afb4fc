import type { SimulatorProfile } from '../simulator-profile.js';
import { cobasC311Profile } from './cobas-c311.js';
import { cobasPureHl7Profile } from './cobas-pure-hl7.js';
import { sysmexXnProfile } from './sysmex-xn.js';

/** Every analyzer the simulator imitates, by CLI name. */
export const simulatorProfiles: readonly SimulatorProfile[] = [cobasC311Profile, sysmexXnProfile, cobasPureHl7Profile];

export function findSimulatorProfile(name: string): SimulatorProfile | undefined {
  return simulatorProfiles.find((profile) => profile.name === name);
}
