import { describe, expect, it } from 'vitest';
import { findDescribedPeople, findPeople, peopleIn, WRITER_OR_FAMILY } from '../../rules/detectors/people';
import { PostText } from '../../rules/engine/post-text';

const people = (text: string) => findPeople(new PostText(text)).map((p) => [p.text, p.role]);

describe('findPeople', () => {
  it.each([
    ['Inmate Rollins (#66120) came back from the hospital', [['Inmate Rollins', 'custody']]],
    ['If inmate Yancey throws one more cup', [['inmate Yancey', 'custody']]],
    ['They are looking hard at Lt. Okafor over the property', [['Lt. Okafor', 'staff']]],
    ['Please keep Sgt. Lorna Whitfield in your prayers', [['Sgt. Lorna Whitfield', 'staff']]],
    ['Deputy Warden Gil Ransford signed it', [['Deputy Warden Gil Ransford', 'staff']]],
    ["Officer Dana Pruitt's divorce is final", [['Officer Dana Pruitt', 'staff']]],
    ['Release date for J.R. Ocasio: May 19', [['J.R. Ocasio', 'other']]],
    ["My favorite frequent flyer Dwayne 'Biscuit' Harlow just got moved", [["Dwayne 'Biscuit' Harlow", 'other']]],
    ['pray for DeShawn R, 19, keeps asking', [['DeShawn R', 'other']]],
    ['Shoutout to Jake Lindqvist, who', [['Jake Lindqvist', 'other']]],
    ['thanks @Tasha for the ride', [['@Tasha', 'other']]],
    ['Judge Harlan Voigt ruled today', [['Judge Harlan Voigt', 'public-official']]],
    ['Kelvin Dutro, #714402. Guess who is back', [['Kelvin Dutro', 'other']]],
    ['Saw Marcus Bell (#3004512) at intake', [['Marcus Bell', 'other']]],
  ])('finds the person in %j', (text, expected) => {
    expect(people(text)).toEqual(expected);
  });

  it.each([
    'The officer said nothing and the lieutenant left.',
    'Officer Academy Class of 2026 graduates today',
    'Got property missing from R&R. That is all.',
    'Read him his Miranda rights',
    'Helena Police Department is hiring',
    'See you Monday at the Christmas party',
  ])('finds no one in %j', (text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('findDescribedPeople', () => {
  const described = (text: string) => findDescribedPeople(new PostText(text)).map((p) => [p.text, p.role]);

  it.each([
    ['new hire on 2nd shift has a 2011 larceny', [['new hire on 2nd shift', 'staff']]],
    ['pulled up the new chaplain volunteer out of curiosity', [['the new chaplain volunteer', 'contractor']]],
    ['The volunteer chaplain lady has been VERY friendly', [['The volunteer chaplain lady', 'contractor']]],
    ['the kitchen supervisor was in the cooler again', [['the kitchen supervisor', 'staff']]],
    ['my partner backed me up', [['my partner', 'staff']]],
    ["Ran into my ex's new man at the gas station", [["my ex's new man", 'other']]],
  ])('finds the person singled out in %j', (text, expected) => {
    expect(described(text)).toEqual(expected);
  });

  it.each(['One of the officers left early', 'Some contractors came by', 'Proud of my team', 'the co-op sells eggs'])('finds no one singled out in %j', (text) => {
    expect(described(text)).toEqual([]);
  });
});

describe('writer and family', () => {
  it.each(['Pray for my grandma', "I'm back from leave", 'my little brother is home', 'Dad and me'])('sees the writer or family in %j', (text) => {
    expect(WRITER_OR_FAMILY.test(text)).toBe(true);
  });
  it('is not fooled by words that contain "my" or "I"', () => {
    expect(WRITER_OR_FAMILY.test('Sgt. Whitfield starts chemo Monday')).toBe(false);
  });
});

describe('peopleIn', () => {
  it('parses each text once', () => {
    const post = new PostText('Shoutout to Jake Lindqvist');
    expect(peopleIn(post)).toBe(peopleIn(post));
  });
});
