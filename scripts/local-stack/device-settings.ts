/**
 * The Alexa APIs the skill reads (Settings, Device Address), answered in process for the
 * simulated device: its time zone and temperature unit, and no address permission granted. The
 * skill calls it through its `alexaApi` dependency, so nothing leaves the machine.
 */
import {
  AlexaPermissionError,
  type AlexaApi,
  type TemperatureUnit,
} from '../../lambda/alexa/index.js';

/** The simulated device. */
export interface SimulatedDevice {
  /** IANA time zone. */
  readonly timeZone: string;
  readonly temperatureUnit: TemperatureUnit;
}

/** The machine's time zone, or UTC when it has none. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Alexa's default unit for a locale: Fahrenheit in the US, Celsius elsewhere. */
export function unitForLocale(locale: string): TemperatureUnit {
  return locale === 'en-US' ? 'FAHRENHEIT' : 'CELSIUS';
}

/** An {@link AlexaApi} that answers for `device`; the address permission is never granted. */
export function createSimulatedAlexaApi(device: SimulatedDevice): AlexaApi {
  return {
    timeZone: () => Promise.resolve(device.timeZone),
    temperatureUnit: () => Promise.resolve(device.temperatureUnit),
    postalAddress: () =>
      Promise.reject(
        new AlexaPermissionError('refused', 'The simulated device has not granted its address'),
      ),
  };
}
