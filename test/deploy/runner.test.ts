import { expect } from 'chai';
import { windowsShimArgs } from '../../scripts/deploy/runner.js';

describe('deploy: running npm .cmd shims on Windows', () => {
  it('runs the shim through cmd.exe, every argument quoted and escaped for it twice', () => {
    expect(windowsShimArgs('ask', ['deploy', '--profile', 'my profile'])).to.deep.equal([
      '/d',
      '/s',
      '/c',
      '"ask.cmd ^^^"deploy^^^" ^^^"--profile^^^" ^^^"my^^^ profile^^^""',
    ]);
  });

  it('keeps cmd.exe from reading an argument as commands (&, |, quotes, %)', () => {
    const [, , , line] = windowsShimArgs('ask', ['a & calc', 'b|c', '"quoted"', '%PATH%']);
    // Every special character is escaped: none stands bare for cmd.exe to act on.
    expect(line).to.not.match(/(^|[^^])[&|%]/);
    expect(line).to.include('^^^&').and.include('^^^|').and.include('^^^%PATH^^^%');
  });

  it('doubles backslashes before a quote and at the end, as the program reads them back', () => {
    const [, , , line] = windowsShimArgs('ask', ['C:\\dir\\', 'a\\"b']);
    expect(line).to.include('C:\\dir\\\\^^^"').and.include('a\\\\\\^^^"b');
  });
});
