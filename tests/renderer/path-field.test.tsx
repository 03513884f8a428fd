// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PathField } from '../../src/renderer/components/PathField';
import { installFakeCrm } from './support/fake-crm';

function dropFile(target: HTMLElement, name: string) {
  const file = new File(['email\n'], name, { type: 'text/csv' });
  fireEvent.drop(target, { dataTransfer: { files: [file] } });
  return file;
}

const token = (mode: 'open' | 'save') => `${mode}-${'a'.repeat(32)}`;

describe('PathField', () => {
  it('takes the token main issues for a file picked in its dialog, and shows the path read-only', async () => {
    const picked = { token: token('save'), path: '/home/analyst/drafts.csv' };
    const fake = installFakeCrm({ 'system:pickFile': async () => ({ file: picked }) });
    const onChange = vi.fn();
    const { rerender } = render(
      <PathField label="Save as" path="" onChange={onChange} mode="save" defaultName="drafts.csv" />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Browse…' }));
    expect(fake.calls).toEqual([
      {
        channel: 'system:pickFile',
        request: { mode: 'save', title: 'Save as', defaultName: 'drafts.csv', extensions: undefined },
      },
    ]);
    expect(onChange).toHaveBeenCalledWith(picked);
    rerender(<PathField label="Save as" path={picked.path} onChange={onChange} mode="save" />);
    const input = screen.getByLabelText<HTMLInputElement>('Save as');
    expect(input.value).toBe(picked.path);
    expect(input.readOnly).toBe(true);
  });

  it('takes the token main issues for a file dropped on it in the desktop app', async () => {
    const picked = { token: token('open'), path: '/home/analyst/hubspot-export.csv' };
    const fileForDrop = vi.fn(async () => picked);
    installFakeCrm({}, { fileForDrop });
    const onChange = vi.fn();
    render(<PathField label="File to import" path="" onChange={onChange} mode="open" />);
    const dropped = dropFile(screen.getByLabelText('File to import'), 'hubspot-export.csv');
    expect(fileForDrop).toHaveBeenCalledWith(dropped);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(picked));
  });

  it('says drops need the desktop app when the page has no file system (a browser)', async () => {
    installFakeCrm({});
    const onChange = vi.fn();
    render(<PathField label="File to import" path="" onChange={onChange} mode="open" />);
    dropFile(screen.getByLabelText('File to import'), 'leads.csv');
    expect(await screen.findByText(/Dropped files need the desktop app/)).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('ignores drops on a save path', () => {
    const fileForDrop = vi.fn(async () => null);
    installFakeCrm({}, { fileForDrop });
    const onChange = vi.fn();
    render(<PathField label="Save as" path="" onChange={onChange} mode="save" />);
    dropFile(screen.getByLabelText('Save as'), 'x.csv');
    expect(fileForDrop).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
  });
});
