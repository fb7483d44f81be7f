// A yes/no the profile may leave open: "Ask me each time" keeps it null, so the engine asks on
// the form instead of answering for the user.
export function YesNoAsk({
  legend,
  name,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  value: boolean | null;
  onChange: (value: boolean | null) => void;
}) {
  const choices = [
    ['Yes', true],
    ['No', false],
    ['Ask me each time', null],
  ] as const;
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {choices.map(([label, choice]) => (
        <label className="check" key={label}>
          <input type="radio" name={name} checked={value === choice} onChange={() => onChange(choice)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}
