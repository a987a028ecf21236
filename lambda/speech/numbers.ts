/** Temperatures and measures in the user's units, for speech and for cards. */
import {
  distanceUnitOf,
  precipitationIn,
  temperatureIn,
  windSpeedIn,
  type UserUnits,
} from '../advice/index.js';

/** A Celsius value as spoken in the user's unit: "9", "minus 3". */
export function spokenTemperature(celsius: number, units: UserUnits): string {
  const value = temperatureIn(celsius, units.temperature);
  return value < 0 ? `minus ${-value}` : String(value);
}

/** "2 to 9 degrees", or "about 5 degrees" when both ends round alike. */
export function spokenRange(lowC: number, highC: number, units: UserUnits): string {
  const low = spokenTemperature(lowC, units);
  const high = spokenTemperature(highC, units);
  return low === high ? `about ${low} degrees` : `${low} to ${high} degrees`;
}

/** "9°C" or "48°F" for cards. */
export function writtenTemperature(celsius: number, units: UserUnits): string {
  return `${temperatureIn(celsius, units.temperature)}°${units.temperature === 'FAHRENHEIT' ? 'F' : 'C'}`;
}

/** "25 km/h" or "16 mph" for cards. */
export function writtenWind(kmh: number, units: UserUnits): string {
  const unit = distanceUnitOf(units);
  return `${windSpeedIn(kmh, unit)} ${unit === 'IMPERIAL' ? 'mph' : 'km/h'}`;
}

/** "4 mm" or "0.16 in" for cards. */
export function writtenPrecipitation(mm: number, units: UserUnits): string {
  const unit = distanceUnitOf(units);
  return `${precipitationIn(mm, unit)} ${unit === 'IMPERIAL' ? 'in' : 'mm'}`;
}
