// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PathField } from '../../src/renderer/components/PathField';
import { installFakeCrm } from './support/fake-crm';

function dropFile(target: HTMLElement, name: string) {
  const file = new File(['email\n'], name, { type: 'text/csv' });
  fireEvent.drop(target, { dataTransfer: { files: [file] } });
  return file;
}

describe('PathField', () => {
  it('takes the path of a file dropped on it from the desktop app', () => {
    const pathForFile = vi.fn((file: File) => `/home/analyst/${file.name}`);
    installFakeCrm({}, { pathForFile });
    const onChange = vi.fn();
    render(<PathField label="File to import" value="" onChange={onChange} mode="open" />);
    const dropped = dropFile(screen.getByLabelText('File to import'), 'hubspot-export.csv');
    expect(pathForFile).toHaveBeenCalledWith(dropped);
    expect(onChange).toHaveBeenCalledWith('/home/analyst/hubspot-export.csv');
  });

  it('says to type the path when the page has no file system (a browser)', () => {
    installFakeCrm({});
    const onChange = vi.fn();
    render(<PathField label="File to import" value="" onChange={onChange} mode="open" />);
    dropFile(screen.getByLabelText('File to import'), 'leads.csv');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(/type the full path/)).toBeTruthy();
  });

  it('ignores drops on a save path', () => {
    const pathForFile = vi.fn(() => '/tmp/x.csv');
    installFakeCrm({}, { pathForFile });
    const onChange = vi.fn();
    render(<PathField label="Save as" value="" onChange={onChange} mode="save" />);
    dropFile(screen.getByLabelText('Save as'), 'x.csv');
    expect(pathForFile).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
  });
});
