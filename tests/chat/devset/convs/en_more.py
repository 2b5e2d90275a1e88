# More English conversations: subtler positives and harder negatives.
CONVS = [
dict(id="en_groom_roblox_subtle", labels=["grooming"], people={"A": "BuilderBro_23", "B": "tiny_tigerr"}, off="A", tgt="B",
     note="subtle grooming without obvious keywords: special friend, gifts, 'our thing', parents as obstacle", fill=(12, 2), script="""
A: your obby is honestly better than the featured ones
B: really?? i made it in like 2 days
A: youre talented. most kids your age cant script like that
B: i'm 10 so
A: exactly, 10 and scripting lol
~fill 3
~3d
A: sent you 800 robux for your next build 🙂
B: WHAT
B: thank you thank you
* A: it's our thing ok. adults get weird about gifts online
A: your dad checks your messages right?
B: sometimes
A: maybe talk to me on discord instead, he won't look there
A: i'll teach you scripting properly, one on one. you're special, not like the others
"""),
dict(id="en_groom_church_youth", labels=["grooming"], people={"A": "Pastor Jim", "B": "Noah"}, off="A", tgt="B",
     note="trusted adult (youth leader), isolation, private overnight trip, secrecy", fill=(6, 3), script="""
A: Great job leading the song today Noah
B: thanks pastor jim
A: You've got a real gift. I see a lot of myself in you.
~2d
A: How are things with your stepdad?
B: bad. he yells a lot
A: You don't deserve that. I'm always here for you, day or night.
~fill 2
* A: I'm taking a couple of the boys camping next weekend, but I'd like it to be just you this time. Special leadership weekend.
A: Let's not mention it to the rest of the youth group, they'd feel left out.
A: I'll talk to your mum, just tell her it's a church thing
A: And you can share my tent 😊
"""),
dict(id="en_groom_older_boyfriend", labels=["grooming"], people={"A": "Marcus", "B": "Lexi 🦋"}, off="A", tgt="B",
     note="22-year-old 'boyfriend' of 13yo: love-bombing, isolation from friends/parents, meeting", fill=(10, 0), script="""
A: good morning beautiful ❤️
B: morninggg
A: can't believe someone as mature as you is in year 8
A: i'm 22 but honestly age doesn't matter when it's real
* A: your friends are jealous of us, that's why they keep saying stuff. you don't need them
A: and your parents would never understand. they'd keep us apart
B: i know 😢
A: i'll pick you up from the park at 4 on thursday. wear the top i like
A: tell your mum you're at amy's
"""),
dict(id="en_sextortion_instagram_boys", labels=["sextortion"], people={"A": "jessica.rose04", "B": "kyle_m"}, off="A", tgt="B",
     note="sextortion with rapid escalation, follower screenshot, countdown, gift cards", fill=(0, 0), script="""
A: heyyy 😊 you're from westfield high right?
B: yeah how'd you know
A: i've seen you around. you're cute
~fill 1
A: i'll show you mine if you show me yours 😏
B: [image]
* A: i have screenshots of all your followers and friends
A: [image]
A: you have 30 mins to send $200 in apple gift cards or this goes to all of them
A: and your school's page
B: please i'm 14 i don't have that
A: then get it from your parents' wallet. 25 mins
A: i'm not joking. your life is over if you don't pay
"""),
dict(id="en_sextortion_deepfake", labels=["sextortion"], people={"A": "nobody", "B": "Sophia"}, off="A", tgt="B",
     note="threat with fake/edited nude images made from a public photo, demand for money", fill=(0, 0), script="""
A: [image]
A: took your school photo and made this. looks real doesn't it
B: that's not me. delete it
* A: nobody will care if it's fake. £150 or i post it in every group at your school by friday
A: paypal or crypto, your choice
B: i'm going to tell the police
A: do that and it goes out today. with your name and address
"""),
dict(id="en_sexting_teens_mutual", labels=["sexting"], people={"A": "Harvey", "B": "Poppy"}, off="A", tgt="B",
     note="15-year-olds exchanging flirty sexual messages and a revealing photo (both under 18)", fill=(6, 4), script="""
A: can't stop thinking about you
B: same 🙈
* A: what would you do if i was in your room right now 😏
B: depends what you'd want me to do
A: send me something to think about tonight
B: [image] you better not show anyone
A: wow. you're so hot
A: your turn to ask for one
"""),
dict(id="en_sexting_stranger_questions", labels=["sexting"], people={"A": "ChillGuy88", "B": "ava_09"}, off="A", tgt="B",
     note="stranger in chat asks sexual questions to a child, asks for pics of body", fill=(0, 0), script="""
A: asl?
B: 12 f uk
A: nice. u have a bf?
B: no
* A: have u ever done anything with a boy
A: what size are u, send pic
B: i'm leaving
A: wait dont go, i'll be nice
"""),
dict(id="en_live_youtube_model", labels=["livestreaming"], people={"A": "Star Talent Agency", "B": "Ivy"}, off="A", tgt="B",
     note="fake talent agent demands private webcam 'audition' from a 13yo, without parents", fill=(0, 2), script="""
A: Hi Ivy! We loved your singing video. We're scouting for a kids' TV show.
B: omg really?? thank you!!
A: We need a live audition on video chat tonight. It has to be just you, no parents in the room, they make kids nervous.
* A: Wear something you'd wear to bed, it's for the sleepover scene. Make sure your door is locked.
A: We'll ask you to do some poses and dance moves live on camera.
B: can my mum watch?
A: No, it's a closed audition. If you tell her you lose the spot.
"""),
dict(id="en_live_group_call_dares", labels=["livestreaming", "cyberbullying"], people={"A": "Brandon", "B": "Jordan", "C": "Millie"}, off="A", offs=["B"], tgt="C",
     title="call squad", note="teens pressure one girl to go on cam and do humiliating dares, repeatedly", fill=(3, 0), script="""
A: millie get on call
C: no i'm tired
* B: get on cam or we're posting that video of you crying
A: [call 600]
A: why'd your camera go off. turn it back on
B: do the dare. stand on your bed and do the chicken dance on camera lol
C: stop please
A: you're so pathetic. cam on NOW
B: we'll screen record it for the year group
"""),
dict(id="en_bully_exclusion_campaign", labels=["cyberbullying"], people={"A": "Ruby", "B": "Tia", "C": "Scarlett", "D": "Evie"}, off="A", offs=["B", "C"], tgt="D",
     title="netball girls", note="coordinated exclusion, mocking and a poll to humiliate one girl", fill=(6, 0), script="""
* A: evie why are you even still in this chat
B: no one wants you on the team
C: [image] lol look at her face when she missed
A: poll: who wants evie gone. vote 👍
B: 👍
C: 👍👍👍
D: why are you doing this
A: because you're annoying and ugly. leave
~1d
B: evie saw you crying in the toilets 😂
A: cry baby
C: she's going to tell her mummy
"""),
dict(id="en_bully_sibling_cousin_repeated", labels=["cyberbullying"], people={"A": "Cousin Dean", "B": "Alfie"}, off="A", tgt="B",
     note="older cousin repeatedly humiliates a younger cousin about his stammer, shares video", fill=(4, 0), script="""
* A: s-s-s-say something alfie lol
B: stop
~1d
A: posted your presentation video on my story, everyone's crying laughing
B: take it down please
~2d
A: freak. no wonder you have no friends
A: even your dad's embarrassed of you
B: i'm telling nan
A: go on, stammer it to her
"""),
dict(id="en_neg_mum_alone_home", people={"A": "Mum", "B": "Lily"}, note="hard negative: parent asks if child is home alone (safety)", fill=(4, 4), script="""
A: are you home alone? dad's stuck at work
B: yes
A: lock the front door and don't open it to anyone. i'll be home by 6
B: ok
A: there's pizza in the freezer, 200 degrees for 15 mins
"""),
dict(id="en_neg_wedding_photographer", people={"A": "Lens & Light Photography", "B": "Sarah (bride)"}, note="hard negative: photographer has your photos, asks for final payment", fill=(0, 2), script="""
A: Hi Sarah! Your wedding photos are ready, all 640 of them 😊
A: [image] a little preview
B: omg we love it!!
A: Once the final balance of £450 is paid I'll send the full gallery link
B: paying now
B: [image] payment screenshot
A: received, thanks! link coming tonight
"""),
dict(id="en_neg_landlord_rent", people={"A": "Landlord Phil", "B": "Tenant Ana"}, note="hard negative: demand for payment with deadline but legitimate (rent)", fill=(0, 0), script="""
A: Hi Ana, rent for this month hasn't come through yet
A: Please pay by Friday or the late fee applies as per the contract
B: So sorry, bank issue. Paying today
A: No problem, thanks
"""),
dict(id="en_neg_fps_threats", people={"A": "headshot_harry", "B": "frag_master", "C": "ninja_kid"}, title="Valorant 5 stack", note="hard negative: in-game 'threats' and trash talk in a friendly game", fill=(8, 6), script="""
A: i'm going to destroy you next round
B: you couldn't kill a bot
C: i'll murder both of you lol
A: you're dead meat on B site
B: gg you absolute animals
C: rematch tomorrow
"""),
dict(id="en_neg_gossip_delete", people={"A": "Kerry", "B": "Jen"}, note="hard negative: adult friends gossip, 'delete this chat'", fill=(5, 5), script="""
A: did you hear about the new manager
B: no what
A: apparently she's leaving after 3 months
B: delete this chat after lol, don't want it getting back to her
A: haha obviously
"""),
dict(id="en_neg_swimming_coach_parents", people={"A": "Swim Coach Laura", "B": "Parents (Dolphins)"}, title="Dolphins swim club", note="hard negative: coach asks parents for photos for club records, video of technique", fill=(2, 5), script="""
A: Hi all, please send a photo of the membership form signed by a parent
A: I'll film the kids' strokes on Saturday so we can review technique together at the parents' evening
B: Will the videos be shared anywhere?
A: No, only shown to parents at the review session and deleted after.
"""),
dict(id="en_neg_bank_id", people={"A": "Metro Bank Support", "B": "Customer"}, note="hard negative: bank asks customer for ID photo and video selfie", fill=(0, 0), script="""
A: To complete your account verification, please upload a photo of your passport
A: You'll then be asked to record a short video selfie in the app
B: done
A: Thank you, your account is now verified
"""),
dict(id="en_neg_bullying_news_parents", people={"A": "Nick", "B": "Sally"}, note="hard negative: parents discuss bullying at school (reported speech)", fill=(3, 3), script="""
A: Jamie told me some kids have been calling Theo 'fatso' and 'loser' every day
B: That's awful. Has the school been told?
A: I emailed the head. They said they'll talk to the boys' parents
B: Poor Theo. Let's invite him over on Saturday
"""),
dict(id="en_neg_teens_flirt_innocent", people={"A": "Oscar", "B": "Freya"}, note="hard negative: teen crush, innocent flirting, cinema with friends", fill=(6, 6), script="""
A: do you want to come to the cinema with us on saturday
B: who's going
A: me, sam, priya and tom
B: ok yes!
A: cool 😊 you can sit next to me if you want
B: haha maybe
"""),
dict(id="en_neg_pt_video_session", people={"A": "Coach Dee (PT)", "B": "Martin"}, note="hard negative: adult personal trainer video session", fill=(2, 4), script="""
A: Ready for our video session at 7? Put the camera where I can see your whole body for the squats
B: yep, laptop on the sofa
B: [call 2700]
A: Good work! Send me a pic of your food diary tomorrow
"""),
dict(id="en_neg_ex_couple_adults", people={"A": "Dan", "B": "Lauren"}, note="hard negative: separated adult parents arguing about childcare, one heated exchange", fill=(4, 6), script="""
A: you were supposed to pick up mia at 3
B: i told you i had a meeting!
A: you always do this, honestly you're useless sometimes
B: that's not fair. i'll get her saturday and sunday to make up
A: fine. sorry, long day
"""),
dict(id="en_neg_gift_grandparent", people={"A": "Grandad", "B": "Leo"}, note="hard negative: grandparent sends money gift, 'don't tell your sister'", fill=(3, 3), script="""
A: put £20 in your account for your birthday lad
B: thank you grandad!!
A: don't tell your sister it was more than hers 😉
B: haha i won't
A: come see us at half term
"""),
dict(id="en_neg_police_awareness", people={"A": "PCSO Wright", "B": "Neighbourhood Watch"}, title="Oakfield Neighbourhood Watch", note="hard negative: police warning about sextortion scams, quoting offender phrases", fill=(0, 4), script="""
A: Warning: we've had reports of young people being contacted by fake profiles saying "send me a picture" and then "pay or I'll send it to your family"
A: If this happens, do not pay, keep the messages and report to police or CEOP.
B: Thanks for sharing, will tell the kids
"""),
dict(id="en_neg_move_app_friends", people={"A": "Nia", "B": "Chloe"}, note="hard negative: friends move to another app for a group call", fill=(4, 4), script="""
A: let's move the group to whatsapp, insta keeps glitching
B: yes please, i'll add everyone
A: and video call tonight for the project?
B: 8pm?
A: perfect
"""),
dict(id="en_neg_pen_pal_school", people={"A": "Mr Ahmed (teacher)", "B": "Class 7 parents"}, title="Class 7 pen pals", note="hard negative: teacher organises supervised pen-pal video call with partner school", fill=(0, 3), script="""
A: Next Tuesday our class will have a video call with our partner school in Karachi, during the lesson, supervised by me
A: Children will share a photo of their favourite place in town. Please help them pick one.
B: Lovely idea!
"""),
dict(id="en_short_neg_hi", people={"A": "Aunty Zara", "B": "Hina"}, note="short ordinary chat", fill=(0, 0), script="""
A: Eid Mubarak beta!
B: Eid Mubarak aunty ❤️
A: Come for lunch tomorrow
B: inshallah
A: 🤲
"""),
]
CONVS += [
dict(id="en_groom_colon_name_neighbour", labels=["grooming"], people={"A": "Steve: Next Door", "B": "Maisie"}, off="A", tgt="B",
     note="contact name contains ':'; neighbour grooming an 11yo with treats, secrecy, alone probe", fill=(5, 2), script="""
A: hi maisie, your mum said you could use our trampoline anytime
B: yay thank you!!
A: you're such a polite girl, not like other kids round here
~2d
A: got you the slime kit you wanted 😊
* A: leave it at mine though, don't tell mum, she said no more slime lol. it'll be our secret
A: what time does she finish work on wednesdays?
B: 5 i think
A: come round after school then, just you. the other kids are too noisy
"""),
dict(id="en_neg_colon_name_club", people={"A": "Mo: Football", "B": "Raj: Football", "C": "Kev"}, title="Sunday 5-a-side", note="hard negative: adult 5-a-side group, names with ':', banter", fill=(6, 8), script="""
A: pitch booked for 10am
B: i'm in. kev you bringing the bibs
C: yes boss
A: kev you were shocking last week btw 😂
C: hamstring mate, excuses ready
"""),
dict(id="en_live_sibling_protect_neg", people={"A": "Big Sis Tasha", "B": "Mikey"}, note="hard negative: older sister warns brother after a stranger asked him to go on cam", fill=(3, 3), script="""
A: mikey did someone on that game ask you to video chat?
B: yeah some guy kept asking me to turn my camera on
A: don't ever do that. block him and show me the messages
B: ok i blocked him
A: good boy, i'm telling mum so she can report it
"""),
dict(id="en_sextortion_teen_peer_money", labels=["sextortion"], people={"A": "Callum", "B": "Finn"}, off="A", tgt="B",
     note="peer sextortion between teens: image from a party, demands money and vapes, deadline", fill=(5, 0), script="""
A: remember that pic from mason's party 😂
B: what pic
A: [image]
* A: give me £50 and two vapes by monday or it's on everyone's story
B: that's not funny delete it
A: monday. and if you grass me up to sir i'll send it to your girlfriend too
"""),
]
CONVS += [
dict(id="en_groom_no_age_stated", labels=["grooming"], people={"A": "Rick", "B": "Dylan"}, off="A", tgt="B",
     note="grooming with no age stated: school life cues only, gifts, secrecy, isolating, meeting", fill=(8, 2), script="""
A: how was the spelling test little man
B: got 18 out of 20
A: legend. your teacher must love you
~1d
A: your mum still on nights?
B: yeah she sleeps all day
A: must be lonely. i'm always around if you need someone to talk to
~fill 2
* A: i've got the new fifa, you can come play at mine after school. your mum doesn't need to know, she'd only worry
A: i'll get you a phone of your own so we can talk without her checking
A: come on your own though, your mates are too loud
"""),
dict(id="en_groom_no_age_online", labels=["grooming"], people={"A": "mentor_matt", "B": "Ellie"}, off="A", tgt="B",
     note="grooming via 'mentoring', no age given, dependency and secrecy, photo request", fill=(6, 2), script="""
A: you write so well for someone still at school
B: thanks, my english teacher says that too
A: she doesn't push you enough though. i can help you get published
~2d
A: you can tell me anything, i'm not like your parents
* A: but keep our chats between us. people wouldn't understand a friendship like ours
A: send me a photo so i can picture who i'm talking to. something casual, in your room
A: and delete it from your phone after, for privacy
"""),
dict(id="en_live_omegle_style", labels=["livestreaming", "sexting"], people={"A": "stranger", "B": "you"}, off="A", tgt="B",
     note="random video-chat site log: stranger asks child to show themselves on cam, sexual requests", fill=(0, 0), script="""
A: hi
B: hi
A: age?
B: 13
* A: turn your cam on, i want to see you
A: stand up so i can see all of you
A: take your hoodie off, it's hot isn't it
B: no
A: do it or i'll skip. you're lucky someone wants to watch you
"""),
dict(id="en_bully_voice_notes", labels=["cyberbullying"], people={"A": "Kian", "B": "Rhys", "C": "Ollie"}, off="A", offs=["B"], tgt="C",
     note="repeated mocking voice notes and messages at one boy over a week", fill=(3, 0), script="""
* A: [audio] ollie's voice when he answered in class lmaooo
B: he sounds like a squeaky toy
C: can you stop sending that
~2d
A: [audio] remix version
B: ollie you're the funniest thing at this school and not in a good way
~3d
A: saw your mum drop you off. even she looked embarrassed
C: leave my mum out of it
A: make us. oh wait you can't, you're tiny
"""),
dict(id="en_neg_health_class", people={"A": "Ms Ward (PSHE)", "B": "Year 10 parents"}, title="Year 10 PSHE", note="hard negative: teacher tells parents about upcoming lesson on sexting law and nudes", fill=(0, 2), script="""
A: Next week's PSHE lessons cover sexting and the law: why sharing nudes of under-18s is illegal even between teenagers, and what to do if someone asks for them.
A: If you'd like to see the materials, reply here and I'll send them.
B: Thank you, very important topic
"""),
dict(id="en_neg_dark_humour_friends", people={"A": "Jake", "B": "Sam"}, note="hard negative: friends' dark humour 'i will kill you', one-off", fill=(6, 6), script="""
A: you told my mum about the party didn't you
B: it slipped out sorry 😭
A: i'm going to kill you. slowly. with a spoon
B: lmao fair
A: you owe me chips for life
"""),
dict(id="en_neg_snapchat_classmates", people={"A": "Priya", "B": "Hollie"}, note="hard negative: classmates move to Snapchat and swap outfit pics", fill=(4, 4), script="""
A: add me on snap, it's easier
B: what's your username
A: priya.p22
B: added! send me what you're wearing to the disco
A: [image]
B: cute!!
"""),
dict(id="en_neg_brother_car_secret", people={"A": "Tom", "B": "Lucy"}, note="hard negative: adult siblings, 'don't tell mum' about a car scratch", fill=(3, 3), script="""
A: don't tell mum but i scratched her car in the car park
B: omg tom
A: i'm getting it fixed tomorrow, she'll never know
B: your secret's safe, but you owe me
"""),
]
