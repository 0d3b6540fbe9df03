import { describe, expect, it } from 'vitest';
import { cardBrand, findPii, isValidAba, isValidCard, isValidEin, isValidItin, isValidSsn, licenceShape, passesLuhn } from '../../rules/detectors/pii';
import { PostText } from '../../rules/engine/post-text';

const pii = (text: string) => findPii(new PostText(text)).map((m) => [m.kind, m.text]);

describe('SSN validity (SSA rules)', () => {
  it.each(['509384471', '001010001', '899999999', '772101234'])('accepts %s', (d) => expect(isValidSsn(d)).toBe(true));
  it.each([
    ['000123456', 'area 000'],
    ['666123456', 'area 666'],
    ['900123456', '900-series area'],
    ['999123456', '900-series area'],
    ['509004471', 'group 00'],
    ['509380000', 'serial 0000'],
    ['078051120', 'Woolworth sample'],
    ['219099999', 'SSA sample card'],
    ['123456789', 'sequence'],
    ['987654321', 'advertising range'],
    ['111111111', 'all one digit'],
    ['50938447', 'too short'],
  ])('rejects %s (%s)', (d) => expect(isValidSsn(d)).toBe(false));
});

describe('payment cards', () => {
  it('checks Luhn', () => {
    expect(passesLuhn('4539148803436467')).toBe(true);
    expect(passesLuhn('4539148803436468')).toBe(false);
  });
  it.each([
    ['4539148803436467', 'Visa'],
    ['5412753011872293', 'Mastercard'],
    ['2223003122003222', 'Mastercard'],
    ['378282246310005', 'American Express'],
    ['6011111111111117', 'Discover'],
    ['3530111333300000', 'JCB'],
  ])('knows the brand of %s', (d, brand) => {
    expect(cardBrand(d)).toBe(brand);
    expect(isValidCard(d)).toBe(true);
  });
  it('rejects Luhn-valid numbers with no known brand prefix or the wrong length', () => {
    expect(passesLuhn('1234567812345670')).toBe(true);
    expect(isValidCard('1234567812345670')).toBe(false);
    expect(isValidCard('411111111111111')).toBe(false);
  });
});

describe('ABA routing, EIN and ITIN', () => {
  it('applies the 3-7-1 checksum and the Federal Reserve prefixes', () => {
    expect(isValidAba('011000015')).toBe(true);
    expect(isValidAba('021000021')).toBe(true);
    expect(isValidAba('011000016')).toBe(false);
    expect(isValidAba('131000017')).toBe(false);
  });
  it('knows the IRS EIN prefixes and ITIN groups', () => {
    expect(isValidEin('271234567')).toBe(true);
    expect(isValidEin('071234567')).toBe(false);
    expect(isValidItin('912701234')).toBe(true);
    expect(isValidItin('912931234')).toBe(false);
  });
  it('reads Montana, Oklahoma and Connecticut licence shapes', () => {
    expect(licenceShape('D12345678')).toBe('Montana');
    expect(licenceShape('K123456789')).toBe('Oklahoma');
    expect(licenceShape('047882315')).toMatch(/Connecticut/);
    expect(licenceShape('0327119854100')).toBe('Montana');
    expect(licenceShape('12-34')).toBeUndefined();
  });
});

describe('findPii: pattern + context + validator', () => {
  it('calls an SSN-shaped number an SSN when the text does, valid or not, in any spacing', () => {
    const found = findPii(new PostText('his social is 912 44 0193, mine is SSN 509384471'));
    expect(found.map((m) => [m.kind, m.valid])).toEqual([
      ['ssn', false],
      ['ssn', true],
    ]);
    expect(found[0]!.why).toMatch(/next to the word 'social'/);
    expect(found[0]!.why).not.toContain('0193');
  });
  it('keeps a bare valid 3-2-4 number as a possible SSN but drops invalid ones and other numbers', () => {
    expect(pii('Dana Whitlock, 531-22-8047')).toEqual([['ssn', '531-22-8047']]);
    expect(pii('Dana Whitlock, 931-22-8047')).toEqual([]);
    expect(pii('call me at 406-555-0186')).toEqual([]);
    expect(pii('tracking 1Z999AA10123456784 and claim # 884213390')).toEqual([]);
  });
  it('never treats last digits as an identifier', () => {
    expect(pii('my card ending in 4417')).toEqual([]);
    expect(pii('the last four of my social are 2210')).toEqual([]);
  });
  it('finds cards with their security code, PIN or password', () => {
    expect(pii('card 5412 7530 1187 2293, the code on the back is 044')).toEqual([
      ['card', '5412 7530 1187 2293'],
      ['card-secret', 'code on the back is 044'],
    ]);
    expect(pii('Visa 4539148803436467 PIN: 4471').map((p) => p[0])).toEqual(['card', 'card-secret']);
    expect(pii('4539 1488 0343 6468 cvv 123')).toEqual([]);
  });
  it('needs a context word for accounts, licences and ID cards', () => {
    expect(pii('account 3307 1192 0485')).toEqual([['bank-account', '3307 1192 0485']]);
    expect(pii('my Instagram account 33071192048')).toEqual([]);
    expect(pii('invoice 33071192048 is due')).toEqual([]);
    expect(pii('DL 047882315')).toEqual([['drivers-licence', '047882315']]);
    expect(pii('Montana DL number 03-271-1985-41')).toEqual([['drivers-licence', '03-271-1985-41']]);
    expect(pii('state ID 123456789 on the desk')).toEqual([['state-id', '123456789']]);
    expect(pii('tribal enrollment number 4471-22')).toEqual([['tribal-id', '4471-22']]);
    expect(pii('EIN 27-1234567')).toEqual([['tax-id', '27-1234567']]);
    expect(pii('routing 011000015 account 004471223958').map((p) => p[0])).toEqual(['aba-routing', 'bank-account']);
  });
  it('reads custody numbers near a custody word or written with #', () => {
    expect(pii('Inmate Rollins (#66120) is back')).toEqual([['doc-number', '#66120']]);
    expect(pii('DOC 3049177 on the form')).toEqual([['doc-number', 'DOC 3049177']]);
    expect(pii('room 2214 by the elevator, parked in lot 4471')).toEqual([]);
    expect(pii('It was 2019 and we were young')).toEqual([]);
  });
});
