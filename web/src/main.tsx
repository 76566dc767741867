import { render } from 'preact';
import './styles.css';
import { App } from './views/app';

render(<App />, document.getElementById('app')!);
