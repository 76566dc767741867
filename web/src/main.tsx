import { render } from 'preact';

render(<h1>Carlo</h1>, document.getElementById('app')!);
