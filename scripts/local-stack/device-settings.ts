/**
 * The Alexa APIs the skill reads (Settings, Device Address), answered in process for the
 * simulated device: its time zone and temperature unit, and its postal code once granted. The
 * skill calls it through its `alexaApi` dependency, so nothing leaves the machine.
 */
import {
  AlexaPermissionError,
  type AlexaApi,
  type PostalAddress,
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

/** The simulated device's Alexa APIs, and its address permission (not granted at first). */
export interface SimulatedAlexaApi extends AlexaApi {
  /** Grants the address permission, as approving Amazon's voice consent question does. */
  grantAddress(): void;
}

/** Where the simulated device is, per locale (a city centre's postal code). */
const ADDRESSES: Readonly<Record<string, PostalAddress>> = {
  'en-US': { countryCode: 'US', postalCode: '60601' },
  'en-CA': { countryCode: 'CA', postalCode: 'M5H 2N2' },
  'en-GB': { countryCode: 'GB', postalCode: 'SW1A 1AA' },
  'en-AU': { countryCode: 'AU', postalCode: '2000' },
};

/**
 * An {@link AlexaApi} that answers for `device`: its time zone and unit; its postal code (of
 * `locale`'s country) only once the permission is granted (403-like `AlexaPermissionError` before).
 */
export function createSimulatedAlexaApi(
  device: SimulatedDevice,
  locale = 'en-US',
): SimulatedAlexaApi {
  let granted = false;
  const address = ADDRESSES[locale] ?? { countryCode: 'US', postalCode: '60601' };
  return {
    timeZone: () => Promise.resolve(device.timeZone),
    temperatureUnit: () => Promise.resolve(device.temperatureUnit),
    postalAddress: () =>
      granted
        ? Promise.resolve(address)
        : Promise.reject(
            new AlexaPermissionError('refused', 'The simulated device has not granted its address'),
          ),
    grantAddress() {
      granted = true;
    },
  };
}
