import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../../src/cli/dotenv.ts';

describe('parseDotenv', () => {
  it('reads bare, quoted and exported values, skipping comments and blank lines', () => {
    const text = [
      '# Aisle settings',
      '',
      'AISLE_HOME=./shop   # the store',
      'export AISLE_MODEL = none',
      "AISLE_BOT_APP_PASSWORD='p#ss \\n word'",
      'GREETING="two\\nlines \\"quoted\\""',
      'EMPTY=',
      'WINDOWS=yes\r',
    ].join('\n');
    expect(parseDotenv(text)).toEqual({
      values: {
        AISLE_HOME: './shop', AISLE_MODEL: 'none', AISLE_BOT_APP_PASSWORD: 'p#ss \\n word',
        GREETING: 'two\nlines "quoted"', EMPTY: '', WINDOWS: 'yes',
      },
      problems: [],
    });
  });

  it('reports every malformed line with its number, keeping the good ones', () => {
    const { values, problems } = parseDotenv('A=1\nnot an assignment\nB="open\nC=\'x\' trailing\n', 'shop/.env');
    expect(values).toEqual({ A: '1' });
    expect(problems).toEqual([
      expect.stringMatching(/^shop\/\.env line 2: expected NAME=value/),
      expect.stringMatching(/^shop\/\.env line 3: /),
      expect.stringMatching(/^shop\/\.env line 4: /),
    ]);
  });
});
