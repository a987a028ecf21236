/**
 * One skill instance in its own process, for the cross-process tests: reads the skill's
 * configuration from its environment and builds the weather provider exactly as the Lambda entry
 * does (`readSkillConfig`, `createWeatherProvider`), then answers forecast requests given as JSON
 * lines on standard input (`{"id", "place", "date"}`) with one JSON line each on standard output
 * (`{"id", "ok", "place", "hours", "stale"}` or `{"id", "ok": false, "code"}`). Logs go to
 * standard error.
 */
import { createInterface } from 'node:readline';
import { createLogger } from '../../../../../common/logger.js';
import { readSkillConfig } from '../../../../../lambda/config.js';
import { createWeatherProvider, isWeatherError } from '../../../../../lambda/weather/index.js';

const config = readSkillConfig(process.env);
const logger = createLogger({
  level: config.logLevel,
  base: { service: 'skill', instance: process.pid },
  sink: (line) => process.stderr.write(`${line}\n`),
});
const weather = createWeatherProvider(config.weather, { logger });

function reply(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(fields)}\n`);
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, place, date } = JSON.parse(line) as { id: number; place: string; date: string };
  weather.forecastDay({ place, date }).then(
    (forecast) => {
      reply({
        id,
        ok: true,
        place: forecast.place.name,
        hours: forecast.hours.length,
        stale: forecast.stale,
      });
    },
    (error: unknown) => {
      reply({ id, ok: false, code: isWeatherError(error) ? error.code : String(error) });
    },
  );
});
reply({ ready: true });
