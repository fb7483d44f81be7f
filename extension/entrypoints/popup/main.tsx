// The web's stylesheet: the popup looks like the site.
import '../../../web/src/styles.css';
import './popup.css';
import { createRoot } from 'react-dom/client';
import { Popup } from '../../src/popup/popup.tsx';

createRoot(document.getElementById('root')!).render(<Popup />);
