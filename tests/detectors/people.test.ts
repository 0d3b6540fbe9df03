import { describe, expect, it } from 'vitest';
import { findPeople } from '../../rules/detectors/people';
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
