import {
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import HomeIcon from '@material-ui/icons/Home';

/** The home page's route; with it the page is a nav item (the sidebar lists pages it can link to). */
const homeRouteRef = createRouteRef();

/** The landing page at `/` (the catalog lives at `/catalog`, as in a stock app). */
const homePage = PageBlueprint.make({
  params: {
    path: '/',
    title: 'Home',
    icon: <HomeIcon />,
    routeRef: homeRouteRef,
    loader: () => import('./HomePage').then(m => <m.HomePage />),
  },
});

/** A small app-local plugin holding the home page, the way `@backstage/create-app`'s app template does. */
export const homePlugin = createFrontendPlugin({
  pluginId: 'home',
  title: 'Home',
  routes: { root: homeRouteRef },
  extensions: [homePage],
});
