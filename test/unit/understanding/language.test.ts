import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/understanding/language.ts';

/** Messages shoppers write in other languages: [text, ISO 639-1 code]. */
const FOREIGN: [string, string][] = [
  ['hola, busco un sofá azul', 'es'],
  ['¿dónde está mi pedido?', 'es'],
  ['quiero devolver unos zapatos que compré la semana pasada', 'es'],
  ['tienen esta chaqueta en talla M?', 'es'],
  ['cuánto cuesta el envío a México?', 'es'],
  ['necesito hablar con una persona por favor', 'es'],
  ['buenas tardes, me pueden ayudar con una devolución', 'es'],
  ['hola quiero comprar un regalo para mi mamá', 'es'],
  ['no me llegó el paquete', 'es'],
  ['busco zapatillas para correr baratas', 'es'],
  ['¿es de cuero?', 'es'],
  ['bonjour, je cherche un canapé bleu', 'fr'],
  ['où est ma commande ?', 'fr'],
  ['est-ce que vous livrez en Belgique ?', 'fr'],
  ['je voudrais retourner un article', 'fr'],
  ["c'est combien la livraison ?", 'fr'],
  ['vous avez cette robe en taille 38 ?', 'fr'],
  ['merci, je vais réfléchir', 'fr'],
  ["je n'ai pas reçu mon colis", 'fr'],
  ['Hallo, ich suche eine Winterjacke für meinen Sohn', 'de'],
  ['Wo ist meine Bestellung?', 'de'],
  ['Kann ich die Schuhe zurückschicken?', 'de'],
  ['Haben Sie das auch in Größe 42?', 'de'],
  ['Wie lange dauert die Lieferung nach Österreich?', 'de'],
  ['Ich möchte mit einem Mitarbeiter sprechen', 'de'],
  ['gibt es das sofa auch in grau', 'de'],
  ['ciao, cerco un divano grigio', 'it'],
  ["dov'è il mio ordine?", 'it'],
  ['vorrei restituire le scarpe', 'it'],
  ['quanto costa la spedizione in Italia?', 'it'],
  ['avete questa giacca in taglia L?', 'it'],
  ['posso parlare con una persona?', 'it'],
  ['buongiorno, non ho ricevuto il pacco', 'it'],
  ['olá, estou procurando um sofá cinza', 'pt'],
  ['cadê meu pedido?', 'pt'],
  ['quero devolver um tênis que comprei', 'pt'],
  ['vocês entregam em Portugal?', 'pt'],
  ['quanto custa o frete?', 'pt'],
  ['oi, tem essa camisa no tamanho G?', 'pt'],
  ['preciso falar com um atendente', 'pt'],
  ['obrigado pela ajuda', 'pt'],
  ['hallo, ik zoek een blauwe bank', 'nl'],
  ['waar is mijn bestelling?', 'nl'],
  ['kan ik dit terugsturen?', 'nl'],
  ['hebben jullie deze schoenen in maat 43?', 'nl'],
  ['wat kost de verzending naar België?', 'nl'],
  ['ik wil graag met een medewerker praten', 'nl'],
  ['dzień dobry, szukam niebieskiej sofy', 'pl'],
  ['gdzie jest moje zamówienie?', 'pl'],
  ['chcę zwrócić buty', 'pl'],
  ['czy macie tę kurtkę w rozmiarze M?', 'pl'],
  ['ile kosztuje dostawa?', 'pl'],
  ['nie dostałem jeszcze paczki', 'pl'],
  ['merhaba, mavi bir kanepe arıyorum', 'tr'],
  ['siparişim nerede?', 'tr'],
  ['bu ayakkabıları iade etmek istiyorum', 'tr'],
  ['kargo ücreti ne kadar?', 'tr'],
  ['bu ceketin M bedeni var mı?', 'tr'],
  ['hej, jag letar efter en blå soffa', 'sv'],
  ['var är min beställning?', 'sv'],
  ['kan jag returnera skorna?', 'sv'],
  ['finns den här jackan i storlek M?', 'sv'],
  ['hej, jeg leder efter en blå sofa', 'da'],
  ['hvor er min ordre?', 'da'],
  ['hei, jeg ser etter en blå sofa', 'no'],
  ['hvor er bestillingen min?', 'no'],
  ['bună ziua, caut o canapea albastră', 'ro'],
  ['unde este comanda mea?', 'ro'],
  ['dobrý den, hledám modrou pohovku', 'cs'],
  ['kde je moje objednávka?', 'cs'],
  ['jó napot, egy kék kanapét keresek', 'hu'],
  ['hol van a rendelésem?', 'hu'],
  ['halo, saya mau cari sofa warna biru', 'id'],
  ['pesanan saya belum sampai', 'id'],
  ['berapa harga sepatu ini?', 'id'],
  ['xin chào, tôi muốn mua ghế sofa', 'vi'],
  ['đơn hàng của tôi ở đâu?', 'vi'],
  ['magkano po ito?', 'tl'],
  ['mera order kahan hai', 'hi'],
  ['mujhe ek sasta sofa chahiye', 'hi'],
  ['你好，我想买一个蓝色的沙发', 'zh'],
  ['我的订单到哪里了？', 'zh'],
  ['可以退货吗', 'zh'],
  ['这个 sofa 多少钱', 'zh'],
  ['有 IKEA 的沙发吗', 'zh'],
  ['請問這雙鞋有42號嗎', 'zh'],
  ['我要找人工客服', 'zh'],
  ['こんにちは、青いソファを探しています', 'ja'],
  ['注文した商品がまだ届きません', 'ja'],
  ['返品できますか？', 'ja'],
  ['このジャケットのMサイズはありますか', 'ja'],
  ['안녕하세요, 파란색 소파를 찾고 있어요', 'ko'],
  ['제 주문은 어디쯤 왔나요?', 'ko'],
  ['반품하고 싶어요', 'ko'],
  ['здравствуйте, ищу синий диван', 'ru'],
  ['где мой заказ?', 'ru'],
  ['хочу вернуть кроссовки', 'ru'],
  ['привет', 'ru'],
  ['привіт, шукаю зимову куртку', 'uk'],
  ['مرحبا، أبحث عن أريكة زرقاء', 'ar'],
  ['أين طلبي؟', 'ar'],
  ['سلام، دنبال یک کاناپه آبی هستم', 'fa'],
  ['שלום, אני מחפש ספה כחולה', 'he'],
  ['איפה ההזמנה שלי?', 'he'],
  ['नमस्ते, मुझे एक नीला सोफा चाहिए', 'hi'],
  ['मेरा ऑर्डर कहाँ है?', 'hi'],
  ['สวัสดีครับ หาโซฟาสีฟ้า', 'th'],
  ['γεια σας, ψάχνω έναν μπλε καναπέ', 'el'],
];

/** English as shoppers type it: product and brand names, loanwords, texting, typos, bare tokens. */
const ENGLISH: string[] = [
  // short replies and bare tokens
  'hi', 'ok', 'no', 'yes please', 'XL', 'size 10', 'under $50', '#12345', '12345', 'order 88231',
  'AB-1234-XY', 'help', 'menu', 'start over', 'nope', 'thanks!', '👍', '😂😂😂', '¯\\_(ツ)_/¯',
  '(づ｡◕‿‿◕｡)づ', 'ಠ_ಠ', '(╯°□°)╯︵ ┻━┻', '', '   ', '???', '5.5 qt',
  // product and brand names
  'Lumen & Oak Japandi credenza', 'Cast & Copper dutch oven 5.5 qt', 'Juniper & Ash chelsea boots',
  'merino wool beanie', 'acai bowl', 'jalapeño', 'café table', 'crème brûlée torch', 'matcha whisk',
  'espresso', 'futon', 'ottoman', 'piñata', 'lasagna pan', 'tortilla warmer', 'duvet', 'bonjour candle',
  'Söderhamn sofa cover', 'IKEA Pöang chair cushion', 'Fjällräven Kånken backpack', 'Søstrene Grene storage boxes',
  'Hästens mattress price', 'Bodum French press', 'Nespresso Vertuo pods', 'Dolce & Gabbana sunglasses',
  'moët & chandon gift set', 'açaí bowl set', 'smörgåsbord platter', 'über soft towels', 'Das Keyboard mechanical',
  'Da Vinci crib', 'Von Dutch trucker hat', 'La-Z-Boy recliner', 'Mi band strap', 'iphone se case', 'Dove body wash',
  'Costa coffee pods', 'Che Guevara t-shirt', 'Tiffany & Co necklace', 'die cast cars', 'Notre Dame hoodie',
  'Grand Prix racing shirt', 'Uno card game', 'feather boa', 'sim card', 'tai chi mat', 'non stick pan',
  // loanwords and foreign phrases inside English
  'pot de crème ramekins', 'crème de la crème', 'à la mode dessert plates', 'dulce de leche', 'chili con carne seasoning',
  'pico de gallo bowl', 'pain au chocolat', 'café au lait bowls', 'eau de parfum for her', 'fleur de sel grinder',
  'herbes de provence', 'que sera sera mug', 'mi casa es su casa doormat', 'do you have the Le Creuset dutch oven in red',
  'ship to El Paso', 'Los Angeles delivery?', 'EU size 42', '10 inch dia cake pan', 'timothy hay for rabbits',
  'AI powered vacuum', 'will it ship by 5pm EST', 'what does 無印良品 mean', 'do you sell 抹茶 whisks',
  // texting and typos
  'hiii', 'ok thx', 'u got any cheap sofas lol', 'yo do u have sofas', 'ik what u mean lol', 'waht is teh price',
  'chepest recliner pls', 'i need a new mattres for my bed', 'do u ship to canada', 'nah im good', 'sooo cute',
  'the sofa ist red', 'pleeease help',
  // ordinary shopping English
  'where is my order?', 'i want to return my shoes', 'talk to a human', 'can i speak to someone', 'is this waterproof',
  'show me something cheaper', 'compare the first two', 'add to cart', "what's your return policy?", "I'd like a refund",
  "can't find my receipt", 'do you have this in navy', 'a queen bed frame under 400', 'gift ideas for my mom',
];

/** Too little to tell: a lone greeting or thanks reads as a greeting, not a foreign conversation. */
const TOO_LITTLE = ['hola', 'bonjour', 'gracias amigo', 'ciao', 'merci', 'danke', 'hola!!'];

describe('detectLanguage', () => {
  it.each(FOREIGN)('recognises "%s" as %s', (text, code) => {
    expect(detectLanguage(text)).toMatchObject({ language: code, english: false });
  });

  it.each(ENGLISH)('keeps "%s" English', (text) => {
    const guess = detectLanguage(text);
    expect(guess.english).toBe(true);
    expect(['en', 'und']).toContain(guess.language);
  });

  it.each(TOO_LITTLE)('treats "%s" as too little to tell', (text) => {
    expect(detectLanguage(text)).toEqual({ language: 'und', english: true, confidence: 0 });
  });

  it('names English when it sees English words', () => {
    expect(detectLanguage('do you have any blue sofas').language).toBe('en');
    expect(detectLanguage('Lumen & Oak Japandi credenza').language).toBe('und');
  });

  it('is surer of longer messages', () => {
    const short = detectLanguage('¿tienen sofás?').confidence;
    const long = detectLanguage('hola, ¿tienen sofás de cuero en color gris? quiero uno para mi sala').confidence;
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(short);
  });

  it('covers the brief: 60+ foreign messages in 12+ languages and 80+ English ones', () => {
    expect(FOREIGN.length).toBeGreaterThanOrEqual(60);
    expect(new Set(FOREIGN.map(([, code]) => code)).size).toBeGreaterThanOrEqual(12);
    expect(ENGLISH.length).toBeGreaterThanOrEqual(80);
  });
});
