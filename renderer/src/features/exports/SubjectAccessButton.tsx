// Placeholder: the subject access export (JSON and printable PDF) for one register entry.
export function SubjectAccessButton(_props: { memberId: string }) {
  return null;
}
