import {
  isCardNumber,
  maskCardNumber,
  maskIdentityNumber,
  maskPersonName,
  maskPhone,
  redactSensitive,
} from './masking';

describe('isCardNumber', () => {
  it.each([
    ['6222021234567890123', true], // 19 digits
    ['6222021234567890', true], // 16 digits
    ['4111111111111', true], // 13 digits
    ['6222021234567891', true], // fails the Luhn check, still accepted
    ['422202123456', false], // 12 digits
    ['62220212345678901234', false], // 20 digits
    ['6222 0212 3456 7890', false],
    ['6222O21234567890', false], // letter O
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isCardNumber(value)).toBe(expected);
  });
});

describe('maskIdentityNumber', () => {
  it.each([
    // 6 kept + 8 hidden + 4 kept = 18
    ['350206199001011234', '350206********1234'],
    ['11010519491231002X', '110105********002X'],
    ['11010519491231002x', '110105********002X'], // the form the contracts expect
    // anything else is hidden whole, never partly shown
    ['35020619900101123', '*****************'],
    ['not-an-id', '*********'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskIdentityNumber(value)).toBe(masked);
  });
});

describe('maskCardNumber', () => {
  it.each([
    // 4 kept + 11 hidden + 4 kept = 19
    ['6222021234567890123', '6222***********0123'],
    // 4 + 8 + 4 = 16
    ['6222021234567890', '6222********7890'],
    // a 21-digit account number: 4 + 13 + 4
    ['350501234567890123456', '3505*************3456'],
    // 12 digits is the least that leaves 4 hidden
    ['123456789012', '1234****9012'],
    ['12345678901', '***********'],
    ['6222 0212 3456 7890', '*******************'],
  ])('%j → %j', (value, masked) => {
    expect(maskCardNumber(value)).toBe(masked);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['19912345678', '199****5678'],
    ['+8613812345678', '**************'],
    ['0591-87654321', '*************'],
    ['1381234567', '**********'],
  ])('%j → %j', (value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });
});

describe('redactSensitive', () => {
  it.each([
    [
      'an identity number in JSON',
      '{"idNumber":"350206199001011234","name":"张三"}',
      '{"idNumber":"350206********1234","name":"张三"}',
    ],
    [
      'an identity number in Chinese text',
      '身份证号350206199001011234，工资未发',
      '身份证号350206********1234，工资未发',
    ],
    ['an identity number with a lower-case x', 'id=11010519491231002x;', 'id=110105********002X;'],
    ['an identity number with a wrong check digit', 'id 350206199001011238', 'id 350206********1238'],
    ['a 19-digit card', 'card=6222021234567890123 paid', 'card=6222***********0123 paid'],
    ['a 16-digit card', 'card 6222021234567890.', 'card 6222********7890.'],
    [
      'a card in groups of four',
      '卡号 6222 0212 3456 7890 123 已冻结',
      '卡号 6222 **** **** ***0 123 已冻结',
    ],
    ['a card in hyphenated groups', '6222-0212-3456-7890', '6222-****-****-7890'],
    ['a 21-digit account number', 'account 350501234567890123456', 'account 3505*************3456'],
    [
      'several numbers',
      '350206199001011234 paid to 6222021234567890123',
      '350206********1234 paid to 6222***********0123',
    ],
    ['a 15-digit run, too short for a card', 'ref 123456789012345', 'ref 123456789012345'],
    ['a mobile number', 'tel 13812345678', 'tel 13812345678'],
    ['an amount and a date', 'paid 12345.67 on 2026-10-01', 'paid 12345.67 on 2026-10-01'],
    ['an instant in milliseconds', 'at 1790000000000', 'at 1790000000000'],
    ['a UUID', 'id 3f2b8c1e-9d4a-4b7e-8f6a-1c2d3e4f5a6b', 'id 3f2b8c1e-9d4a-4b7e-8f6a-1c2d3e4f5a6b'],
  ])('%s', (_scenario, text, redacted) => {
    expect(redactSensitive(text)).toBe(redacted);
  });
});

describe('maskPersonName', () => {
  it.each([
    ['王某某', '王**'],
    ['李四', '李*'],
    ['欧阳娜娜', '欧***'],
    [' 张 ', '*'],
  ])('%j → %j', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});
