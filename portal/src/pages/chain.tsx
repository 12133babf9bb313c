export default function P() { return <h1 tabIndex={-1}>chain</h1>; }
