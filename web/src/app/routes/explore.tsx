// Explore: build a query over the model's views (features/explore).
import { ExplorePage } from '../../features/explore/components/explore-page';

export default function ExploreRoute() {
  return <ExplorePage />;
}
