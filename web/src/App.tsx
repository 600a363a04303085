import { useToken } from './auth.ts';
import { Home } from './Home.tsx';
import { SignIn } from './SignIn.tsx';

export function App() {
  const token = useToken();
  return token ? <Home /> : <SignIn />;
}
