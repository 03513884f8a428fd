const INTERVALS = [
  { value: '12h', label: 'every 12 hours' },
  { value: '1d', label: 'daily' },
  { value: '1w', label: 'weekly' },
];

/** How often a watch refreshes its company, as `watch:add` takes it (`every`: 12h, 1d, 1w). */
export function WatchInterval({ value, onChange }: { value: string; onChange: (every: string) => void }) {
  return (
    <select
      aria-label="Refresh"
      className="auto-width"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {INTERVALS.map((i) => (
        <option key={i.value} value={i.value}>
          {i.label}
        </option>
      ))}
    </select>
  );
}
