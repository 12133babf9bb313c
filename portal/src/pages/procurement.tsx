export default function P() { return <h1 tabIndex={-1}>procurement</h1>; }
