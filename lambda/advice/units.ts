/**
 * Unit conversions between the metric values the forecast uses and what a user hears. The unit
 * names are Alexa's own (Settings API: `System.temperatureUnits`, `System.distanceUnits`).
 */

/** Alexa's temperature units. */
export type TemperatureUnit = 'CELSIUS' | 'FAHRENHEIT';
/** Alexa's distance units (km/h and mm, or mph and inches). */
export type DistanceUnit = 'METRIC' | 'IMPERIAL';

/** The units one user hears. */
export interface UserUnits {
  readonly temperature: TemperatureUnit;
  /** Default: IMPERIAL with Fahrenheit, METRIC with Celsius. */
  readonly distance?: DistanceUnit;
}

const KM_PER_MILE = 1.609344;
const MM_PER_INCH = 25.4;

/** Celsius to Fahrenheit. */
export function celsiusToFahrenheit(celsius: number): number {
  return (celsius * 9) / 5 + 32;
}

/** Fahrenheit to Celsius. */
export function fahrenheitToCelsius(fahrenheit: number): number {
  return ((fahrenheit - 32) * 5) / 9;
}

/** Kilometres per hour to miles per hour. */
export function kmhToMph(kmh: number): number {
  return kmh / KM_PER_MILE;
}

/** Miles per hour to kilometres per hour. */
export function mphToKmh(mph: number): number {
  return mph * KM_PER_MILE;
}

/** Millimetres to inches. */
export function mmToInches(mm: number): number {
  return mm / MM_PER_INCH;
}

/** The distance unit `units` implies. */
export function distanceUnitOf(units: UserUnits): DistanceUnit {
  return units.distance ?? (units.temperature === 'FAHRENHEIT' ? 'IMPERIAL' : 'METRIC');
}

/** A Celsius value in the user's unit, rounded to a whole degree (never "-0"). */
export function temperatureIn(celsius: number, unit: TemperatureUnit): number {
  const value = unit === 'FAHRENHEIT' ? celsiusToFahrenheit(celsius) : celsius;
  return Math.round(value) + 0;
}

/** A km/h value in the user's distance unit, rounded to a whole number. */
export function windSpeedIn(kmh: number, unit: DistanceUnit): number {
  return Math.round(unit === 'IMPERIAL' ? kmhToMph(kmh) : kmh);
}

/** A precipitation amount in mm, in the user's unit: whole mm, or inches to two decimals. */
export function precipitationIn(mm: number, unit: DistanceUnit): number {
  return unit === 'IMPERIAL' ? Math.round(mmToInches(mm) * 100) / 100 : Math.round(mm);
}
