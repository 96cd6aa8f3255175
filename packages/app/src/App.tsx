import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homePlugin } from './plugins/home';

export default createApp({
  features: [catalogPlugin, homePlugin, navModule],
});
