// The web's stylesheet: the options page looks like the site.
import '../../../web/src/styles.css';
import './options.css';
import { createRoot } from 'react-dom/client';
import { Options } from '../../src/options/options.tsx';

createRoot(document.getElementById('root')!).render(<Options />);
