// A reader for Windows .reg files (regedit's "Version 5.00" format), to read the kit's files back:
// UTF-16LE with a BOM, [key] and [-key] sections, "name"="text" with \\ and \" escapes,
// dword:XXXXXXXX and hex(1): (REG_SZ as UTF-16LE bytes), lines continued with a trailing backslash.

export type RegData = { type: 'REG_SZ'; value: string } | { type: 'REG_DWORD'; value: number };

export interface RegFile {
  deleted: string[];
  keys: Map<string, Map<string, RegData>>;
}

export function parseReg(bytes: Uint8Array): RegFile {
  const buffer = Buffer.from(bytes);
  if (buffer[0] !== 0xff || buffer[1] !== 0xfe) throw new Error('not UTF-16LE with a byte-order mark');
  const text = buffer.subarray(2).toString('utf16le');
  const rawLines = text.split(/\r\n/);
  if (rawLines[0] !== 'Windows Registry Editor Version 5.00') throw new Error(`bad header: ${rawLines[0]}`);
  const lines: string[] = [];
  for (let i = 1; i < rawLines.length; i++) {
    let line = rawLines[i]!;
    while (line.endsWith('\\') && /=hex/.test(line) && i + 1 < rawLines.length) line = line.slice(0, -1) + rawLines[++i]!.trim();
    lines.push(line);
  }
  const file: RegFile = { deleted: [], keys: new Map() };
  let current: Map<string, RegData> | undefined;
  for (const line of lines) {
    if (line === '' || line.startsWith(';')) continue;
    const section = /^\[(-?)(.+)\]$/.exec(line);
    if (section) {
      if (section[1]) {
        file.deleted.push(section[2]!);
        current = undefined;
      } else {
        current = new Map();
        file.keys.set(section[2]!, current);
      }
      continue;
    }
    if (!current) throw new Error(`value outside a key: ${line}`);
    const [name, rest] = readQuoted(line, 0);
    if (line[rest] !== '=') throw new Error(`expected = in ${line}`);
    const data = line.slice(rest + 1);
    if (data.startsWith('"')) {
      const [value, end] = readQuoted(data, 0);
      if (end !== data.length) throw new Error(`junk after value: ${line}`);
      current.set(name, { type: 'REG_SZ', value });
    } else if (data.startsWith('dword:')) {
      if (!/^dword:[0-9a-f]{8}$/.test(data)) throw new Error(`bad dword: ${line}`);
      current.set(name, { type: 'REG_DWORD', value: parseInt(data.slice(6), 16) });
    } else if (data.startsWith('hex(1):')) {
      const bytes = Buffer.from(data.slice(7).split(',').map((h) => parseInt(h, 16)));
      current.set(name, { type: 'REG_SZ', value: bytes.toString('utf16le').replace(/\u0000$/, '') });
    } else {
      throw new Error(`unsupported value: ${line}`);
    }
  }
  return file;
}

function readQuoted(line: string, start: number): [string, number] {
  if (line[start] !== '"') throw new Error(`expected a quoted string in ${line}`);
  let out = '';
  let i = start + 1;
  for (; i < line.length && line[i] !== '"'; i++) {
    if (line[i] === '\\') {
      const next = line[++i];
      if (next !== '\\' && next !== '"') throw new Error(`bad escape \\${next} in ${line}`);
      out += next;
    } else out += line[i];
  }
  if (line[i] !== '"') throw new Error(`unterminated string in ${line}`);
  return [out, i + 1];
}
