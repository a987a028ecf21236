import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { v1 } from 'ask-smapi-model';
import { HANDLED_INTENTS } from '../../../lambda/handlers/index.js';

const ROOT = join(import.meta.dirname, '../../..');
const manifest = JSON.parse(
  readFileSync(join(ROOT, 'skill.json'), 'utf8'),
) as v1.skill.Manifest.SkillManifestEnvelope;
const MODEL_FILES = readdirSync(join(ROOT, 'models')).filter((f) => f.endsWith('.json'));

interface Model {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: { name: string; slots?: { name: string; type: string }[]; samples?: string[] }[];
    };
  };
}
const models = MODEL_FILES.map((file) => ({
  locale: file.replace(/\.json$/, ''),
  model: JSON.parse(readFileSync(join(ROOT, 'models', file), 'utf8')) as Model,
}));

describe('skill.json', () => {
  const info = manifest.manifest?.publishingInformation;
  const locales = Object.keys(info?.locales ?? {});

  it('is a custom skill for en-US, en-GB, en-CA and en-AU', () => {
    expect(manifest.manifest?.apis?.custom).to.be.an('object');
    expect(locales).to.have.members(['en-US', 'en-GB', 'en-CA', 'en-AU']);
  });

  it('declares the CanFulfillIntentRequest interface, and no other', () => {
    expect(manifest.manifest?.apis?.custom?.interfaces?.map((i) => i.type)).to.deep.equal([
      'CAN_FULFILL_INTENT_REQUEST',
    ]);
  });

  it('has a model for every locale it publishes, and no other', () => {
    expect(models.map((m) => m.locale)).to.have.members(locales);
  });

  for (const locale of ['en-US', 'en-GB', 'en-CA', 'en-AU']) {
    it(`has what certification needs for ${locale}`, () => {
      const entry = info?.locales?.[locale];
      expect(entry?.name, 'name').to.be.a('string').and.not.equal('');
      expect(entry?.summary, 'summary').to.be.a('string').with.length.within(1, 160);
      expect(entry?.description, 'description').to.be.a('string').with.length.within(1, 4000);
      expect(entry?.examplePhrases, 'examplePhrases').to.be.an('array').with.length.within(1, 3);
      for (const icon of [entry?.smallIconUri, entry?.largeIconUri]) {
        expect(icon).to.match(/^file:\/\/assets\/images\/.+\.png$/);
        expect(existsSync(join(ROOT, (icon ?? '').replace('file://', '')))).to.equal(true);
      }
      const privacy = manifest.manifest?.privacyAndCompliance?.locales?.[locale];
      expect(privacy?.privacyPolicyUrl, 'privacyPolicyUrl').to.match(/^https:\/\//);
      expect(privacy?.termsOfUseUrl, 'termsOfUseUrl').to.match(/^https:\/\//);
    });

    it(`has example phrases for ${locale} that the model can hear`, () => {
      const entry = info?.locales?.[locale];
      const model = models.find((m) => m.locale === locale)?.model.interactionModel.languageModel;
      const invocation = model?.invocationName ?? '';
      const phrases = entry?.examplePhrases ?? [];
      expect(phrases[0]).to.match(new RegExp(`^Alexa, (open|ask|launch|start) ${invocation}`));
      for (const phrase of phrases.slice(1)) {
        const rest = phrase.replace(new RegExp(`^Alexa, ask ${invocation} `), '');
        const samples = model?.intents.flatMap((i) => i.samples ?? []) ?? [];
        const heard = samples.some((s) =>
          new RegExp(`^${s.replace(/\{\w+\}/g, '.+')}$`, 'i').test(rest),
        );
        expect(heard, phrase).to.equal(true);
      }
    });
  }

  it('answers every privacy and compliance question', () => {
    const privacy = manifest.manifest?.privacyAndCompliance;
    for (const field of [
      'allowsPurchases',
      'usesPersonalInfo',
      'isChildDirected',
      'isExportCompliant',
      'containsAds',
    ] as const) {
      expect(privacy?.[field], field).to.be.a('boolean');
    }
  });

  it('asks for the address permission the skill uses, and no other', () => {
    // The manifest names the permission one way; the consent card the skill sends names it another.
    expect(manifest.manifest?.permissions?.map((p) => p.name)).to.deep.equal([
      'alexa:devices:all:address:country_and_postal_code:read',
    ]);
  });
});

describe('interaction models', () => {
  for (const { locale, model } of models) {
    const language = model.interactionModel.languageModel;

    it(`${locale}: has an invocation name that meets Alexa's rules`, () => {
      const name = language.invocationName;
      expect(name).to.match(/^[a-z][a-z ]*[a-z]$/);
      expect(name.split(' ').length).to.be.at.least(2);
      const forbidden = [
        'alexa',
        'amazon',
        'echo',
        'skill',
        'app',
        'ask',
        'tell',
        'open',
        'launch',
        'start',
        'begin',
        'load',
        'resume',
        'run',
        'enable',
        'use',
        'play',
        'stop',
        'cancel',
      ];
      for (const word of name.split(' '))
        expect(forbidden, `"${word}" in the invocation name`).not.to.include(word);
    });

    it(`${locale}: gives WhatShouldIWearIntent its city, date, item and purpose slots and varied samples`, () => {
      const wear = language.intents.find((i) => i.name === 'WhatShouldIWearIntent');
      expect(wear?.slots?.map(({ name, type }) => ({ name, type }))).to.deep.equal([
        { name: 'city', type: 'AMAZON.City' },
        { name: 'date', type: 'AMAZON.DATE' },
        { name: 'item', type: 'ClothingItem' },
        { name: 'purpose', type: 'Purpose' },
      ]);
      const samples = wear?.samples ?? [];
      expect(new Set(samples.map((s) => s.toLowerCase())).size).to.equal(samples.length);
      expect(samples.length).to.be.at.least(200);
      for (const sample of samples) {
        for (const slot of sample.match(/\{(\w+)\}/g) ?? [])
          expect(['{city}', '{date}', '{item}', '{purpose}']).to.include(slot);
      }
    });

    it(`${locale}: has a handler for every intent, and every handled intent`, () => {
      expect(language.intents.map((i) => i.name)).to.have.members([...HANDLED_INTENTS]);
    });
  }
});
